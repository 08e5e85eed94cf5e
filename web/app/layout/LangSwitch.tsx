import { Button } from 'antd';
import { usePrefs } from '../../i18n';

/** Also on the sign-in pages, so in a module of its own: the header's notifications stay out of them. */
export function LangSwitch() {
  const { lang, setLang } = usePrefs();
  const next = lang === 'zh' ? 'en' : 'zh';
  // The button names the language it switches to, in that language.
  return (
    <Button type="text" lang={next === 'en' ? 'en' : 'zh-CN'} data-testid="lang-switch" onClick={() => setLang(next)}>
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
