import { useState } from 'react';
import { Button, type ButtonProps } from 'antd';
import { download, type Query } from '../app/api';
import { notifyError } from '../app/notify';

interface Props extends Omit<ButtonProps, 'onClick' | 'loading'> {
  path: string;
  /** Used only when the server sends no Content-Disposition filename. */
  fallbackName: string;
  query?: Query;
}

/** GET download through fetch, so failures show the server's message instead of a broken file. */
export function DownloadButton({ path, fallbackName, query, ...props }: Props) {
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await download(path, fallbackName, { query });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return <Button {...props} loading={busy} onClick={onClick} />;
}
