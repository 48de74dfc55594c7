/**
 * The geometry of a printed ballot as the reader needs it, in millimetres from the top-left corner
 * of the sheet. The ballot builder produces it, the store keeps it with the printed round, and the
 * reader maps it onto a scanned image through the four registration marks.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A 符号 cell (`mark`, for a candidate or a write-in) or a 另选人 name cell (`write-in`). */
export interface LayoutCell extends Rect {
  kind: 'mark' | 'write-in';
  /** Ballot-order index of the candidate, for the mark cells of candidates. */
  candidate?: number;
  /** Index of the write-in slot, for a write-in's mark cell and its name cell. */
  slot?: number;
}

export interface LayoutPage {
  /** The four registration marks: top-left, top-right, bottom-right, bottom-left. */
  marks: Rect[];
  /** The round code (QR) printed on this page. */
  code: Rect;
  cells: LayoutCell[];
}

export interface BallotLayout {
  page: { width: number; height: number };
  pages: LayoutPage[];
}

/**
 * What the round code says, identical on every ballot of one printed round: no serial number, no
 * trait that tells two ballots of the round apart.
 */
export interface RoundCode {
  congress: number;
  election: number;
  round: number;
  /** Hex digest of the layout the round was printed with; a reprint that moves a cell changes it. */
  layout: string;
  /** 1-based page of the ballot. */
  page: number;
}
