import type { Round } from '../../db/elections';

/**
 * A round's place among its election's rounds (1 for the first held) and whether it repeats a
 * void one (重新选举), as shared/strings/issuance.ts's roundLabel takes them.
 */
export function numbered(round: Round, rounds: readonly Round[]) {
  const parent = rounds.find((r) => r.id === round.parentRoundId);
  return {
    number: rounds.findIndex((r) => r.id === round.id) + 1,
    kind: round.kind,
    revoteOf: parent?.state === 'void' ? parent.id : null,
  };
}
