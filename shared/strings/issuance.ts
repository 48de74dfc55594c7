import type { RoundKind } from '../tally/types';
import { roundKindLabels } from './setup';

/** A round as the hall names it: 第 1 轮（正式选举）, 第 2 轮（重新选举）. */
export function roundLabel(round: { number: number; kind: RoundKind; revoteOf: number | null }) {
  const kind = round.revoteOf === null ? roundKindLabels[round.kind] : '重新选举';
  return `第 ${round.number} 轮（${kind}）`;
}
