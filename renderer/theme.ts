import type { ThemeConfig } from 'antd';

export const fontFamily =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Noto Sans SC", sans-serif';

/** Sober, for an office: a deep 党政 red for the frame and primary actions, neutral greys elsewhere. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#a8201a',
    colorLink: '#1f4e8c',
    colorInfo: '#1f4e8c',
    colorInfoBg: '#eef3fa',
    colorInfoBorder: '#c6d5ea',
    colorSuccess: '#2e7d32',
    colorWarning: '#b45309',
    colorError: '#b91c1c',
    colorBgLayout: '#f2f3f5',
    borderRadius: 4,
    fontFamily,
    fontSize: 15,
    controlHeight: 36,
  },
  components: {
    Layout: { headerBg: '#8e1b16', headerHeight: 60, headerPadding: '0 24px', bodyBg: '#f2f3f5' },
    Table: { headerBg: '#f5f6f8' },
    // Fields take a blue, not the red primary, when active: red on an input reads as an error.
    Input: { activeBorderColor: '#1f4e8c', hoverBorderColor: '#5b7fb0', activeShadow: 'none' },
    InputNumber: {
      activeBorderColor: '#1f4e8c',
      hoverBorderColor: '#5b7fb0',
      activeShadow: 'none',
    },
    Select: {
      activeBorderColor: '#1f4e8c',
      hoverBorderColor: '#5b7fb0',
      activeOutlineColor: 'transparent',
    },
  },
};
