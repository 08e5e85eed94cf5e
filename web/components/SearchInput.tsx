import { Input, type InputProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

/** The search box every list uses: labelled for screen readers, clearable, with the search icon. */
export function SearchInput({ label, placeholder, ...rest }: { label: string } & Omit<InputProps, 'type' | 'prefix' | 'className' | 'aria-label'>) {
  return <Input className="tx-search" type="search" aria-label={label} placeholder={placeholder ?? label} prefix={<SearchOutlined aria-hidden />} allowClear {...rest} />;
}
