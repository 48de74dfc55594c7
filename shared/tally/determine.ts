/** A name that can be elected: a listed candidate or a written name with counted votes. */
export interface Contender {
  name: string;
  votes: number;
  writeIn: boolean;
}

export interface Ranking {
  /** Elected (or qualified): within the seats, above any tie at the last seat. */
  chosen: Contender[];
  /** Tied at the last seat, more of them than the seats left: they go to a runoff. */
  tied: Contender[];
  tiedSeats: number;
  /** Seats no passing name fills. */
  vacancies: number;
}

/**
 * RULES.md steps 6 and 7: the names that pass, by votes, up to the seats; a tie straddling the
 * last seat elects those above it and sends the tied to a runoff; seats are never filled from
 * below the threshold.
 */
export function rank(
  contenders: readonly Contender[],
  seats: number,
  passes: (votes: number) => boolean,
): Ranking {
  const passing = contenders.filter((c) => passes(c.votes)).sort((a, b) => b.votes - a.votes);
  const last = passing[seats - 1];
  const next = passing[seats];
  if (last === undefined || next === undefined || next.votes < last.votes) {
    const chosen = passing.slice(0, seats);
    return { chosen, tied: [], tiedSeats: 0, vacancies: seats - chosen.length };
  }
  const chosen = passing.filter((c) => c.votes > last.votes);
  const tied = passing.filter((c) => c.votes === last.votes);
  return { chosen, tied, tiedSeats: seats - chosen.length, vacancies: 0 };
}
