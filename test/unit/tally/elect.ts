import { tallyRound, type RoundInput, type RoundResult } from '../../../shared/tally';
import { makeRound } from './rounds';

export function elect(
  round: Partial<RoundInput> & Pick<RoundInput, 'candidates' | 'seats'>,
): RoundResult {
  return tallyRound(makeRound(round));
}

export function outcomes(result: RoundResult): Record<string, string> {
  return Object.fromEntries(result.results.map((r) => [r.name, r.outcome]));
}

export function votes(result: RoundResult): Record<string, number> {
  return Object.fromEntries(result.results.map((r) => [r.name, r.for]));
}
