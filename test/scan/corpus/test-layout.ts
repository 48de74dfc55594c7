import type { BallotLayout, LayoutCell } from '../../../shared/scan/layout';

/**
 * The tests' own ballot geometry on A4, standing in for the ballot builder's: a title band, the
 * round code at the top right, and a table whose columns each hold a name cell over a 符号 cell,
 * candidates first and write-in slots after, flowing into as many rows as `columns` requires.
 * Only the cells the reader looks at are in the layout; candidates' name cells are printed but
 * not listed.
 */
export interface TestLayoutSpec {
  candidates: number;
  writeIns: number;
  /** Columns per row of the table. */
  columns: number;
}

export const A4 = { width: 210, height: 297 };
const MARK_SIZE = 6;
const MARK_INSET = 8;
const TABLE = { left: 15, right: 195, top: 52 };
const NAME_HEIGHT = 30;
const MARK_HEIGHT = 13;
const ROW_GAP = 5;

export function buildTestLayout(spec: TestLayoutSpec): BallotLayout {
  const { width, height } = A4;
  const far = MARK_INSET + MARK_SIZE;
  const marks = [
    { x: MARK_INSET, y: MARK_INSET, w: MARK_SIZE, h: MARK_SIZE },
    { x: width - far, y: MARK_INSET, w: MARK_SIZE, h: MARK_SIZE },
    { x: width - far, y: height - far, w: MARK_SIZE, h: MARK_SIZE },
    { x: MARK_INSET, y: height - far, w: MARK_SIZE, h: MARK_SIZE },
  ];
  const columnWidth = (TABLE.right - TABLE.left) / spec.columns;
  const cells: LayoutCell[] = [];
  const total = spec.candidates + spec.writeIns;
  for (let i = 0; i < total; i++) {
    const col = i % spec.columns;
    const row = Math.floor(i / spec.columns);
    const x = TABLE.left + col * columnWidth;
    const top = TABLE.top + row * (NAME_HEIGHT + MARK_HEIGHT + ROW_GAP);
    const mark = { x, y: top + NAME_HEIGHT, w: columnWidth, h: MARK_HEIGHT };
    if (i < spec.candidates) {
      cells.push({ kind: 'mark', candidate: i, ...mark });
    } else {
      const slot = i - spec.candidates;
      cells.push({ kind: 'write-in', slot, x, y: top, w: columnWidth, h: NAME_HEIGHT });
      cells.push({ kind: 'mark', slot, ...mark });
    }
  }
  return {
    page: { width, height },
    pages: [{ marks, code: { x: 166, y: 18, w: 24, h: 24 }, cells }],
  };
}

/** A 9-of-11 committee ballot with three write-in blanks, one row of cells. */
export function committeeTestLayout(): BallotLayout {
  return buildTestLayout({ candidates: 11, writeIns: 3, columns: 14 });
}

/** A 22-of-27 ballot with five write-in blanks, its cells flowing into four rows. */
export function largeTestLayout(): BallotLayout {
  return buildTestLayout({ candidates: 27, writeIns: 5, columns: 8 });
}
