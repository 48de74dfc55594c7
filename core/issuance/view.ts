import type { Store } from '../../db/store';
import type { IssuanceRound } from '../../shared/api/issuance';
import { validityOf } from '../checkin/validity';
import type { Located } from '../platform/lookup';
import { numbered } from '../platform/round-number';

/** The round as it is now in the database, after a change. */
export function reread(store: Store, at: Located): IssuanceRound {
  const rounds = store.elections.roundsOf(at.election.id);
  const round = rounds.find((r) => r.id === at.round.id);
  if (!round) throw new Error(`round ${at.round.id} vanished`);
  return issuanceRound(store, { ...at, round, rounds });
}

export function issuanceRound(store: Store, at: Located): IssuanceRound {
  const { round, congress, rounds } = at;
  const { number, revoteOf } = numbered(round, rounds);
  const { issued, returned, entitled, present } = round;
  const unreturned = issued !== null && returned !== null && returned <= issued;
  return {
    id: round.id,
    electionId: round.electionId,
    number,
    kind: round.kind,
    seats: round.seats,
    state: round.state,
    candidates: store.elections.candidatesOf(round.id).length,
    revoteOf,
    revote:
      round.state === 'void'
        ? (rounds.find((r) => r.parentRoundId === round.id)?.id ?? null)
        : null,
    entitled,
    present,
    issued,
    returned,
    issuedAt: round.issuedAt,
    returnedAt: round.returnedAt,
    unreturned: unreturned ? issued - returned : null,
    voidReason: round.voidReason,
    validity:
      entitled === null
        ? null
        : validityOf(congress, { entitled, present: present ?? 0, returned }),
  };
}
