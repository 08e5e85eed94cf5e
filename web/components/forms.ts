import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ZodError, ZodType } from 'zod';
import { msg, isMessageKey, type Lang } from '../../common/i18n';

// In a module of its own so the login page gets it without the message catalogue that zodRule needs.
export { applyApiError } from './fieldErrors';

/** Empty inputs mean "not given": nullable fields in common/ expect null, not ''. */
export function emptyToNull<T extends object>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}

/**
 * A Form.Item rule from the same zod schema the server uses, its message key translated.
 * A type error on an empty value reads as "required" rather than zod's English default.
 */
export function zodRule(schema: ZodType, lang: Lang): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const v = typeof value === 'string' && value.trim() === '' ? null : value;
      const r = schema.safeParse(v ?? undefined);
      if (r.success) return;
      const key = r.error.issues[0]?.message ?? '';
      throw new Error(msg(isMessageKey(key) ? key : v == null ? 'err.required' : 'err.invalid', lang));
    },
  };
}

/** Shows a failed whole-form zod parse on the fields, translated (for checks no single rule covers). */
export function applyZodError(form: FormInstance, error: ZodError, lang: Lang) {
  form.setFields(error.issues.map((i) => ({ name: i.path as (string | number)[], errors: [msg(isMessageKey(i.message) ? i.message : 'err.invalid', lang)] })));
}
