import { useCallback, useEffect, useState } from 'react';
import type { ElectionResults, RoundNotReady, RoundResults } from '../../../shared/api/results';
import { api } from '../../api';
import { usePoll } from '../../components/usePoll';

export type RoundView = { ready: true; results: RoundResults } | ({ ready: false } & RoundNotReady);

/** Entry on another laptop may close a round at any moment: the page follows it this often. */
const pollMs = 3_000;

/**
 * The chosen election's rounds and the chosen round's results, kept current. A round is chosen
 * by the operator; until then the latest round with a result (or the latest round) is shown.
 */
export function useElectionResults(electionId: number | null) {
  const [overview, setOverview] = useState<ElectionResults | null>(null);
  const [chosen, choose] = useState<number | null>(null);
  const [view, setView] = useState<RoundView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const roundId = chosen ?? (overview ? defaultRound(overview) : null);

  const ask = useCallback(
    async (current: () => boolean) => {
      if (electionId === null) return;
      const loaded = await api['results.overview']({ electionId });
      if (!current()) return;
      if (!loaded.ok) return setProblem(loaded.error.message);
      setOverview(loaded.value);
      const id = chosenIn(loaded.value, chosen) ?? defaultRound(loaded.value);
      if (id === null) return setView(null);
      const round = await api['results.round']({ roundId: id });
      if (!current()) return;
      if (!round.ok) return setProblem(round.error.message);
      setView(round.value);
      setProblem(null);
    },
    [electionId, chosen],
  );

  useEffect(() => {
    setOverview(null);
    setView(null);
    choose(null);
  }, [electionId]);

  const refresh = usePoll(ask, pollMs);

  return { overview, roundId, view, problem, choose, refresh };
}

function chosenIn(overview: ElectionResults, chosen: number | null): number | null {
  return overview.rounds.some((r) => r.id === chosen) ? chosen : null;
}

/** The latest round with a result to show, else the latest round. */
function defaultRound(overview: ElectionResults): number | null {
  const tallied = overview.rounds.filter((r) => r.state === 'counted' || r.state === 'certified');
  return (tallied.at(-1) ?? overview.rounds.at(-1))?.id ?? null;
}
