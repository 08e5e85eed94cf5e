import { Checkbox } from 'antd';
import { ROLES, ROLE_LABELS, type Role } from '../../../common/permissions';
import { useOptions } from '../../i18n';

/** All roles as checkboxes, labelled from common/permissions (used inside a Form.Item). */
export function RolesField({ value, onChange }: { value?: Role[]; onChange?: (v: Role[]) => void }) {
  const options = useOptions();
  return (
    <Checkbox.Group
      value={value}
      onChange={(v) => onChange?.(v as Role[])}
      options={options(ROLES, ROLE_LABELS)}
      className="tx-roles"
    />
  );
}
