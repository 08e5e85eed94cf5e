import type { MessageKey } from '../../common/i18n';

/** An error the caller can act on: HTTP status, a stable code, a catalogue message, optional field messages. */
export class AppError extends Error {
  constructor(
    public status: number,
    public code: string,
    public key: MessageKey | string,
    public params: Record<string, string | number> = {},
    public fields?: Record<string, string>,
  ) {
    super(key);
  }
}

export const NotFound = (key: MessageKey = 'err.not_found') => new AppError(404, 'not_found', key);
export const Forbidden = (key: MessageKey = 'err.forbidden') => new AppError(403, 'forbidden', key);
export const Conflict = (code: string, key: MessageKey, fields?: Record<string, string>) => new AppError(409, code, key, {}, fields);
/** A rule broken by otherwise well-formed input; `field` names the form field to mark. */
export const Invalid = (field: string, key: MessageKey | string, params: Record<string, string | number> = {}) =>
  new AppError(422, 'validation', 'err.validation', params, { [field]: key });
