/**
 * Votes as the hall's blackboard keeps them: one stroke of 正 per vote, in the order the character
 * is written (一 丅 下, then the fourth and fifth strokes), a full 正 for every five.
 */

/** The five strokes of 正 in a 10×10 cell, in writing order. */
const strokes = [
  [1.5, 1.5, 8.5, 1.5],
  [5, 1.5, 5, 8.8],
  [5, 5, 8, 5],
  [2.4, 5, 2.4, 8.8],
  [0.8, 8.8, 9.2, 8.8],
] as const;

/** Width of one 正 with the gap after it, in cell units. */
const pitch = 12;

/** The strokes for `votes`, `perLine` characters to a line, as one SVG path. */
export function zhengPath(votes: number, perLine: number): string {
  const parts: string[] = [];
  for (let i = 0; i < votes; i += 1) {
    const glyph = Math.floor(i / 5);
    const [x1, y1, x2, y2] = strokes[i % 5] ?? strokes[0];
    const dx = (glyph % perLine) * pitch;
    const dy = Math.floor(glyph / perLine) * pitch;
    parts.push(`M${x1 + dx} ${y1 + dy}L${x2 + dx} ${y2 + dy}`);
  }
  return parts.join('');
}

export function linesFor(votes: number, perLine: number): number {
  return Math.max(1, Math.ceil(Math.ceil(votes / 5) / perLine));
}

/**
 * One candidate's strokes. Every row of a board is drawn to the same scale (`perLine` characters
 * across), so the rows compare at a glance as chalk marks do.
 */
export function ZhengStrokes({ votes, perLine }: { votes: number; perLine: number }) {
  const lines = linesFor(votes, perLine);
  return (
    <svg
      className="zheng"
      viewBox={`0 0 ${perLine * pitch} ${lines * pitch}`}
      preserveAspectRatio="xMinYMid meet"
      role="img"
      aria-label={`${votes} 票`}
      style={{ aspectRatio: `${perLine * pitch} / ${lines * pitch}` }}
    >
      <path d={zhengPath(votes, perLine)} />
    </svg>
  );
}
