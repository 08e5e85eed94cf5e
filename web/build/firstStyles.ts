import { createElement as h, type ReactNode } from 'react';
import { theme } from '../app/theme.ts';

/** The first screens whose antd styles are made at build time (web/build/plugins.ts). */
export type FirstScreenStyles = 'shell' | 'login';

/**
 * antd's styles of a first screen's components, rendered once at build time. With the cache-path map
 * that extractStyle appends, antd finds them in the page's CSS and neither builds them nor injects a
 * <style> on the phone (the sign-in form's grid alone is 87 KB of CSS built in JavaScript, at 4× CPU
 * slowdown ~0.1 s). Components not listed here build theirs when first shown, as before. antd's
 * component styles refer to its tokens as CSS variables, so one file serves every theme (text size):
 * the variables themselves are still set at run time, and the default theme's are added here for a page
 * drawn before any script runs (login.html at build time, the home by the server).
 */
export async function stylesFor(screen: FirstScreenStyles): Promise<string> {
  // Loaded here, not at the top: the build has set NODE_ENV by now, which names antd's class hashes.
  const [{ renderToString }, antd, { createCache, extractStyle, StyleProvider }] = await Promise.all([
    import('react-dom/server'),
    import('antd'),
    import('@ant-design/cssinjs'),
  ]);
  const { Badge, Button, ConfigProvider, Form, Input, Popover, Spin, Tag } = antd;
  // What each screen shows before anything is tapped: the route's spinner while its chunk loads, then
  // the page (the shell's header buttons, bell badge and its popover, the home's tags; the sign-in form).
  const shown: Record<FirstScreenStyles, ReactNode[]> = {
    shell: [h(Spin), h(Button), h(Badge, { count: 1 }, h('span')), h(Popover, { content: 'x' }, h('span')), h(Tag)],
    login: [h(Spin), h(Button), h(Form, null, h(Form.Item, { label: 'x' }, h(Input)), h(Form.Item, null, h(Input.Password)))],
  };
  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme: theme('normal') }, ...shown[screen])));
  const styles = extractStyle(cache, { types: ['style'], plain: true });
  // The default theme's variables, for a page drawn before any script runs. Under :where(), which
  // weighs nothing, so that those antd sets at run time win wherever they differ (large text).
  const vars = extractStyle(cache, { types: ['token', 'cssVar'], plain: true }).replace(/(^|\})([^{}@]+)\{/g, '$1:where($2){');
  return vars + styles;
}
