import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Kept after the run for people to look at: the PDFs and page 1 of each as PNG. */
export const artifacts = resolve(import.meta.dirname, '../../../test-results/reports');

export interface PdfFacts {
  file: string;
  pages: number;
  /** pdftotext -layout: rows of a table stay on one line, left to right. */
  text: string;
  /** One entry per font: name, type, whether embedded and whether mapped back to Unicode. */
  fonts: { name: string; type: string; embedded: boolean; unicode: boolean }[];
}

/** Saves the PDF, reads it back with poppler and rasterises its first page at 60 dpi. */
export function inspectPdf(name: string, pdf: Uint8Array): PdfFacts {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-png',
    '-singlefile',
    file,
    join(artifacts, name),
  ]);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 'NaN');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { file, pages, text, fonts: fontsOf(file) };
}

/** pdffonts' table: name, type (one or two words), encoding, then emb, sub, uni and the object id. */
function fontsOf(file: string): PdfFacts['fonts'] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      return {
        name: columns[0] ?? '',
        type: columns.slice(1, -6).join(' '),
        embedded: columns.at(-5) === 'yes',
        unicode: columns.at(-3) === 'yes',
      };
    });
}

/** The text of page `n` (1-based); pdftotext ends each page with a form feed. */
export function pageText(facts: PdfFacts, n: number): string {
  return facts.text.split('\f')[n - 1] ?? '';
}

/** Positions of each name in the text, to check the printed order. */
export function positionsOf(text: string, names: readonly string[]): number[] {
  return names.map((name) => text.indexOf(name));
}
