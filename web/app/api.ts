import type { ApiErrorBody } from '../../common/api';
import type { LoginResult, SessionUser } from '../../common/auth';
import type { Lang } from '../../common/i18n';
import { CORE } from '../i18n/text/core';
import { ApiError } from './apiError';
import { queryClient } from './queryClient';

export const ME_KEY = ['me'] as const;

let csrfToken: string | null = null;
let language: Lang = 'zh';

export function setApiLanguage(lang: Lang) {
  language = lang;
}

type Transport = (url: string, init: RequestInit) => Promise<Response>;
let transport: Transport | null = null;
/** The server, drawing a page (web/ssr.tsx), answers the page's requests itself. */
export const setTransport = (t: Transport) => void (transport = t);

/** Keeps the CSRF token and publishes the user to everyone reading the `me` query. */
export function rememberSession(result: LoginResult): SessionUser {
  csrfToken = result.csrfToken;
  queryClient.setQueryData(ME_KEY, result.user);
  return result.user;
}

export function forgetSession() {
  csrfToken = null;
  queryClient.setQueryData(ME_KEY, null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}

export type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
}

async function send(path: string, { method = 'GET', body, query }: RequestOptions, retried = false): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': language === 'en' ? 'en' : 'zh-CN' };
  // A page drawn by the server brings no token (it would sit in a compressed page beside text others
  // may write): the first write of the session asks for it.
  if (method !== 'GET' && !csrfToken && !transport && queryClient.getQueryData(ME_KEY)) await refreshSession();
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await (transport ?? fetch)(withQuery(path, query), { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', CORE['common.network'][language]);
  }
  if (res.ok) return res;

  const error = await toError(res);
  // The answer changes the browser's session; a page the server draws changes nothing shared.
  if (transport) throw error;
  // A stale token (server restarted, another tab logged in): fetch a fresh one and try once more.
  if (error.code === 'csrf' && !retried && (await refreshSession())) return send(path, { method, body, query }, true);
  if (error.code === 'unauthenticated') forgetSession();
  if (error.code === 'must_change_password') {
    queryClient.setQueryData<SessionUser | null>(ME_KEY, (u) => (u ? { ...u, mustChangePassword: true } : u));
  }
  throw error;
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const { error } = (await res.json()) as ApiErrorBody;
    return new ApiError(res.status, error.code, error.message, error.fields);
  } catch {
    return new ApiError(res.status, 'internal', CORE['common.serverError'][language]);
  }
}

/** JSON request; resolves to undefined for 204. Errors arrive already localized by the server. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The current session, or null when signed out. Also picks up the CSRF token. */
export async function fetchMe(): Promise<SessionUser | null> {
  try {
    return rememberSession(await api<LoginResult>('/api/auth/me'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

async function refreshSession(): Promise<boolean> {
  return (await fetchMe().catch(() => null)) !== null;
}

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain filename */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
  return plain ? plain[1].trim() : fallback;
}

/**
 * Downloads a file through fetch (so POST downloads carry the CSRF header), saving it under the
 * name the server gives in Content-Disposition.
 */
export async function download(path: string, fallbackName: string, options: RequestOptions = {}): Promise<void> {
  const res = await send(path, options);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res, fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
