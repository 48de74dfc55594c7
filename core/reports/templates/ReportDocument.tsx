import type { ReactNode } from 'react';
import { baseCss } from './styles';

export interface ReportDocumentProps {
  title: string;
  /** The report's own rules, after the shared ones. */
  css: string;
  children: ReactNode;
}

/**
 * A complete, self-contained HTML document: no script, no external file, fonts by name only, so
 * the same markup previews in an iframe and prints through Chromium or Electron unchanged.
 */
export function ReportDocument({ title, css, children }: ReportDocumentProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: baseCss + css }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
