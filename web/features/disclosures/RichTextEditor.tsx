import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Input, Modal, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useT, type TextKey } from '../../i18n';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  /** The accessible name (a <label for> cannot name a contenteditable). */
  label: string;
  id?: string;
  placeholder?: string;
}

const TABLE = '<table><tbody><tr><th>&nbsp;</th><th>&nbsp;</th><th>&nbsp;</th></tr><tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr></tbody></table><p><br></p>';

/**
 * A small rich-text box for the subset the server keeps (headings, paragraphs, bold, italic, lists,
 * tables, links). The browser's editing commands do the work; whatever is pasted or typed is cleaned
 * by the server's allow-list when saved, and the saved, cleaned text is what everyone reads.
 */
export function RichTextEditor({ value, onChange, label, id, placeholder }: Props) {
  const t = useT();
  const area = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('https://');

  // Only an outside change (loading a draft) rewrites the box; typing must not move the caret.
  useEffect(() => {
    if (area.current && area.current.innerHTML !== (value ?? '')) area.current.innerHTML = value ?? '';
  }, [value]);

  const emit = () => onChange?.(area.current?.innerHTML ?? '');
  const run = (command: string, arg?: string) => {
    area.current?.focus();
    document.execCommand(command, false, arg);
    emit();
  };
  const keepSelection = () => {
    const s = window.getSelection();
    saved.current = s && s.rangeCount && area.current?.contains(s.anchorNode) ? s.getRangeAt(0).cloneRange() : null;
  };
  const addLink = () => {
    setLinking(false);
    area.current?.focus();
    const s = window.getSelection();
    if (saved.current && s) {
      s.removeAllRanges();
      s.addRange(saved.current);
    }
    if (s && !s.isCollapsed) run('createLink', href.trim());
    else run('insertHTML', `<a href="${href.trim().replace(/"/g, '%22')}">${href.trim().replace(/</g, '&lt;')}</a>`);
  };

  const tool = (key: TextKey, icon: ReactNode, onClick: () => void, testid?: string) => (
    <Tooltip title={t(key)}>
      <Button type="text" icon={icon} aria-label={t(key)} onMouseDown={(e) => e.preventDefault()} onClick={onClick} data-testid={testid} />
    </Tooltip>
  );

  return (
    <div className="dx-editor">
      <div className="dx-editor-tools" role="toolbar" aria-label={t('disclosures.editor.toolbar')}>
        {tool('disclosures.editor.heading', <span aria-hidden>H</span>, () => run('formatBlock', '<h3>'))}
        {tool('disclosures.editor.paragraph', <span aria-hidden>¶</span>, () => run('formatBlock', '<p>'))}
        {tool('disclosures.editor.bold', <BoldOutlined aria-hidden />, () => run('bold'))}
        {tool('disclosures.editor.italic', <ItalicOutlined aria-hidden />, () => run('italic'))}
        {tool('disclosures.editor.bullets', <UnorderedListOutlined aria-hidden />, () => run('insertUnorderedList'))}
        {tool('disclosures.editor.numbers', <OrderedListOutlined aria-hidden />, () => run('insertOrderedList'))}
        {tool('disclosures.editor.table', <TableOutlined aria-hidden />, () => run('insertHTML', TABLE))}
        {tool('disclosures.editor.link', <LinkOutlined aria-hidden />, () => {
          keepSelection();
          setLinking(true);
        })}
      </div>
      <div
        ref={area}
        id={id}
        className="dx-editor-area dx-content"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        data-placeholder={placeholder}
        tabIndex={0}
        onInput={emit}
        onBlur={emit}
        suppressContentEditableWarning
        data-testid="disclosure-content"
      />
      <Modal open={linking} title={t('disclosures.editor.link')} onOk={addLink} onCancel={() => setLinking(false)} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        <Input aria-label={t('disclosures.editor.linkPrompt')} placeholder={t('disclosures.editor.linkPrompt')} value={href} onChange={(e) => setHref(e.target.value)} onPressEnter={addLink} autoFocus />
      </Modal>
    </div>
  );
}
