import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { canMove, type RoundState } from '../../shared/rounds';

/**
 * Moves a round along shared/rounds.ts's transitions. Callers check the state first and refuse
 * with a message; reaching a move the table forbids here is a bug.
 */
export function moveRound(
  store: Store,
  round: Round,
  to: Exclude<RoundState, 'void' | 'certified'>,
): void {
  if (!canMove(round.state, to)) {
    throw new Error(`round ${round.id}: ${round.state} → ${to} is not an allowed transition`);
  }
  store.elections.setRoundState(round.id, to);
}
