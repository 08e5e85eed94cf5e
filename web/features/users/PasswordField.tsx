import { Button, Input, Space } from 'antd';
import { useT } from '../../i18n';
import { generatePassword } from './api';

/** An initial password the admin can read out or hand over, with a one-click generator. */
export function PasswordField({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="new-password" spellCheck={false} />
      <Button onClick={() => onChange?.(generatePassword())}>{t('users.generate')}</Button>
    </Space.Compact>
  );
}
