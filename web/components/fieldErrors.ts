import type { FormInstance } from 'antd';
import { ApiError } from '../app/apiError';

/** Puts the server's per-field messages (`a.b` for nested fields) next to those fields. */
export function applyApiError(form: FormInstance, error: unknown) {
  if (!(error instanceof ApiError)) return;
  form.setFields(Object.entries(error.fields).map(([name, message]) => ({ name: name.split('.'), errors: [message] })));
}
