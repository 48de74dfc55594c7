/** The CJK print fonts: Noto as installed with the app and on Linux, then those of Windows. */
export const fontStack = `'Noto Serif CJK SC', 'Noto Sans CJK SC', 'SimSun', 'Microsoft YaHei', serif`;
export const sansStack = `'Noto Sans CJK SC', 'Microsoft YaHei', 'Noto Serif CJK SC', 'SimSun', sans-serif`;

/**
 * What every report shares. On screen (the preview iframe) the body is a sheet of paper's width,
 * so that line breaks fall where they will on paper.
 */
export const baseCss = `
@page { size: A4 portrait; margin: 15mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fontStack}; font-size: 11pt; line-height: 1.5; color: #000; }
h1, h2, h3, p { margin: 0; }
table { border-collapse: collapse; }
@media screen {
  html { background: #d9d9d9; }
  body { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 15mm; background: #fff; }
}
`;
