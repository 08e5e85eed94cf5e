import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from './apiError';

// antd's themed message API only exists inside <App>; NotifyBridge hands it over so code outside
// React (the mutation cache) can show errors with the same look.
let messageApi: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance) {
  messageApi = api;
}

export function notifyError(error: unknown) {
  // 401 sends the user to the login page; a toast on top of that only adds noise.
  if (error instanceof ApiError && error.code === 'unauthenticated') return;
  messageApi?.error(error instanceof Error ? error.message : String(error));
}

/** For `mutateAsync` whose failure the mutation cache already showed: swallow it, nothing else to do. */
export function toasted<T>(promise: Promise<T>): Promise<T | undefined> {
  return promise.catch(() => undefined);
}
