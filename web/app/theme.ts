import type { ThemeConfig } from 'antd';
import type { TextSize } from '../i18n';

/** Union red; white text on it is 5.9:1 and it is 5.3:1 on its own light tint (WCAG AA). */
export const BRAND = '#c8102e';

// antd's default tertiary/description greys (45% black) are 3.4:1 on white and fail WCAG AA;
// 62% black is about 5.7:1. Retirees read this, so every grey that carries text is darkened.
export function theme(textSize: TextSize): ThemeConfig {
  const large = textSize === 'large';
  return {
    token: {
      colorPrimary: BRAND,
      colorLink: BRAND,
      colorInfo: '#0050b3',
      colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
      colorTextDescription: 'rgba(0, 0, 0, 0.62)',
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.5)',
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
