import type { Rule } from 'antd/es/form';
import type { T } from '../../i18n';

/** "Repeat the password" must be filled and equal the field named `of`. */
export function confirmRules(t: T, of: string): Rule[] {
  return [
    { required: true, message: t('auth.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_, v) => {
        if (v && v !== getFieldValue(of)) throw new Error(t('auth.confirmMismatch'));
      },
    }),
  ];
}
