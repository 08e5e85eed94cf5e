import type { ThemeConfig } from 'antd';
import type { TextSize } from '../i18n';

/** Union red; white text on it is 5.9:1 and it is 5.3:1 on its own light tint (WCAG AA). */
export const BRAND = '#c8102e';

// antd's default tertiary/description greys (45% black) are 3.4:1 on white and fail WCAG AA;
// 62% black is about 5.7:1. Retirees read this, so every grey that carries text is darkened.
export function theme(textSize: TextSize): ThemeConfig {
  const large = textSize === 'large';
  return {
    // A fixed name for the class that carries the theme's CSS variables (antd derives one from useId
    // otherwise): a page prerendered at build time (login.html) carries them under the same name.
    cssVar: { key: 'css-var-tx' },
    token: {
      colorPrimary: BRAND,
      colorLink: BRAND,
      // antd lightens hover/active states; on a phone the last tap stays "hovered", so these must
      // pass AA too: darken instead of lighten.
      colorPrimaryHover: '#a8071a',
      colorPrimaryActive: '#8c0615',
      colorLinkHover: '#a8071a',
      colorLinkActive: '#8c0615',
      colorErrorHover: '#a8071a',
      colorInfo: '#0050b3',
      colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
      colorTextDescription: 'rgba(0, 0, 0, 0.62)',
      // Filter selects show their name as placeholder, so it must be legible too (5.3:1).
      colorTextPlaceholder: '#6b6b6b',
      // antd's #ff4d4f is 3.3:1 as text on white (danger buttons); #cf1322 is 5.6:1.
      colorError: '#cf1322',
      fontSize: large ? 18 : 15,
      controlHeight: large ? 44 : 38,
      borderRadius: 8,
      fontFamily:
        '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto, sans-serif',
    },
    components: {
      Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f5f5f5', headerPadding: '0 24px' },
      Menu: { itemHeight: large ? 52 : 44 },
    },
  };
}
