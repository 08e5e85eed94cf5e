import { z, type ZodType } from 'zod';
import { msg, type Lang } from '../../common/i18n';

/** Zod issues as `{ "field.path": "localized message" }`; schema messages are catalogue keys. */
export function zodFieldMessages(err: z.ZodError, lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const path = issue.path.join('.') || '_';
    if (fields[path]) continue;
    fields[path] = msg(messageKeyOf(issue), lang);
  }
  return fields;
}

function messageKeyOf(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith('err.')) return issue.message;
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return 'err.required';
  if (issue.code === 'too_big') return 'err.too_long';
  if (issue.code === 'invalid_value') return 'err.enum';
  return 'err.invalid';
}

export function parseWith<T>(schema: ZodType<T> | undefined, data: unknown): T {
  if (!schema) return undefined as T;
  return schema.parse(data ?? {});
}
