// Ant Design theme: a sober government blue, and text colours that keep WCAG AA contrast.
import type { ThemeConfig } from 'antd';

export const BRAND_BLUE = '#1d4ed8';
export const HEADER_BLUE = '#1e3a8a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    // antd derives lighter hover/active shades, which put white button text below 4.5:1; go darker instead.
    colorPrimaryHover: '#1e40af',
    colorPrimaryActive: '#1e3a8a',
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorSuccess: '#15803d',
    colorWarning: '#b45309',
    colorError: '#c81e1e',
    // antd's default secondary/tertiary greys are too light for body text (axe color-contrast).
    colorTextSecondary: '#4b5563',
    colorTextTertiary: '#4b5563',
    colorTextDescription: '#4b5563',
    colorTextPlaceholder: '#6b7280',
    colorBgLayout: '#f3f5f9',
    // Light, clean alert backgrounds (the ones derived from the darkened status colours look muddy).
    colorSuccessBg: '#f0fdf4',
    colorSuccessBorder: '#86efac',
    colorWarningBg: '#fffbeb',
    colorWarningBorder: '#fcd34d',
    colorErrorBg: '#fef2f2',
    colorErrorBorder: '#fca5a5',
    colorInfoBg: '#eff6ff',
    colorInfoBorder: '#93c5fd',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: {
      headerBg: HEADER_BLUE,
      headerHeight: 56,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      bodyBg: '#f3f5f9',
    },
    Table: {
      headerBg: '#eef2f7',
      headerColor: '#111827',
    },
    Menu: {
      itemColor: '#1f2937',
      itemSelectedColor: BRAND_BLUE,
      itemSelectedBg: '#e8eefc',
    },
  },
};

/** Colours for status tags, each pair ≥ 4.5:1 contrast. */
export const TAG_TONES = {
  success: { color: '#166534', background: '#dcfce7', borderColor: '#86efac' },
  danger: { color: '#991b1b', background: '#fee2e2', borderColor: '#fca5a5' },
  warning: { color: '#92400e', background: '#fef3c7', borderColor: '#fcd34d' },
  info: { color: '#1e40af', background: '#dbeafe', borderColor: '#93c5fd' },
  neutral: { color: '#374151', background: '#f3f4f6', borderColor: '#d1d5db' },
} as const;

export type Tone = keyof typeof TAG_TONES;
