import type { BoxRecord } from '../../../../shared/api/entry';
import { passOpenFor } from '../../../../shared/domain/passes';

/** The first box this teller can work on, which takes the focus: Enter starts at once. */
export function firstFor(
  boxes: readonly BoxRecord[],
  personId: number,
  doubleEntry: boolean,
): number | undefined {
  return boxes.find((b) => tellerActionOf(b, personId, doubleEntry) !== null)?.id;
}

/** The button that opens the pass this teller may type into, or null when there is none. */
export function tellerActionOf(
  box: BoxRecord,
  personId: number,
  doubleEntry: boolean,
): string | null {
  const opening = passOpenFor(box, personId, doubleEntry);
  if (!opening.open) return null;
  if (opening.pass === 1) return opening.resumed ? '继续录入' : '开始录入';
  return opening.resumed ? '继续第二遍' : '第二遍录入';
}
