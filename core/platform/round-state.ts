import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { canMove } from '../../shared/domain/rounds';

/** Where a move takes a round, with what its new state records. */
export type RoundMove =
  | { to: 'draft' | 'printed' | 'voting' | 'counted' }
  /** Back to counting: a recount of a counted round, or the unlock of a certified one. */
  | { to: 'counting'; unlock?: { personId: number; reason: string } }
  | { to: 'void'; reason: string }
  | { to: 'certified'; personId: number };

/**
 * The one way a round's state changes: along shared/domain/rounds.ts's transitions, from the
 * state the store holds now (call inside the change's transaction). Callers check the state
 * first and refuse with a message; reaching a move the table forbids here is a bug.
 */
export function moveRound(store: Store, round: Pick<Round, 'id'>, move: RoundMove): Round {
  const from = store.elections.roundById(round.id)?.state;
  if (from === undefined) throw new Error(`round ${round.id} vanished before its move`);
  if (!canMove(from, move.to)) {
    throw new Error(`round ${round.id}: ${from} → ${move.to} is not an allowed transition`);
  }
  const moved = write(store, round.id, from === 'certified', move);
  if (!moved) throw new Error(`round ${round.id} vanished inside its move`);
  return moved;
}

function write(store: Store, id: number, certified: boolean, move: RoundMove): Round | undefined {
  const { elections } = store;
  switch (move.to) {
    case 'void':
      return elections.voidRound(id, move.reason);
    case 'certified':
      return elections.certify(id, move.personId);
    case 'counting':
      if (certified !== (move.unlock !== undefined)) {
        throw new Error(`round ${id}: only lifting a certification records an unlock`);
      }
      if (move.unlock === undefined) return elections.setRoundState(id, 'counting');
      return elections.unlock(id, move.unlock) && elections.roundById(id);
    default:
      return elections.setRoundState(id, move.to);
  }
}
