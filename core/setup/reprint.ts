import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { fail, ok, type Result } from '../../shared/api/result';
import { isBeforeVoting } from '../../shared/domain/rounds';
import { ballotTitle, roundStatePhrases } from '../../shared/strings/setup';
import type { Actor } from '../platform/context';
import { moveRound } from '../platform/round-state';

/** A round with the title of its election, for messages that say which ballot is meant. */
export interface TitledRound {
  round: Round;
  title: string;
}

/**
 * Whether a change to what the ballot paper shows (`what`, in words) may go ahead over these
 * rounds: never once voting has started; over printed rounds only when the operator confirmed the
 * re-print (the refusal names field `confirmReprint` so the screen can ask). Gives the printed
 * rounds, which the change sends back to draft with `reopenForReprint`.
 */
export function paperChange(
  rounds: readonly TitledRound[],
  what: string,
  confirmReprint: boolean | undefined,
): Result<TitledRound[]> {
  const live = rounds.filter((r) => r.round.state !== 'void');
  const started = live.find((r) => !isBeforeVoting(r.round.state));
  if (started) {
    return fail(
      'invalid-state',
      `“${describe(started)}”${roundStatePhrases[started.round.state]}，不能再更改${what}`,
    );
  }
  const printed = live.filter((r) => r.round.state === 'printed');
  if (printed.length > 0 && confirmReprint !== true) {
    return fail(
      'invalid-state',
      `“${printed.map(describe).join('”“')}”的选票已经印制。更改${what}后，已印制的选票全部作废，须重新印制。`,
      { field: 'confirmReprint' },
    );
  }
  return ok(printed);
}

/** Call inside the change's transaction: printed → draft, one audit row per round. */
export function reopenForReprint(
  store: Store,
  actor: Actor,
  printed: readonly TitledRound[],
  reason: string,
): void {
  for (const { round, title } of printed) {
    moveRound(store, round, { to: 'draft' });
    store.audit.append({
      actor: actor.name,
      role: actor.role,
      action: 'round.reprint',
      payload: { roundId: round.id, electionId: round.electionId, title, reason },
    });
  }
}

function describe({ round, title }: TitledRound): string {
  return ballotTitle(title, round.kind);
}
