import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** A report component as a standalone HTML document string. */
export function renderHtml(document: ReactElement): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(document)}`;
}
