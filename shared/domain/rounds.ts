/**
 * An election round's life, written once as data: the services enforce it, the README draws it.
 *
 *   draft ⇄ printed → voting → counting → counted → certified
 *                                  ↑__________|___________|   (recount; unlock by the 总监票人)
 *   any state before certified → void
 *
 * printed → draft is the explicit re-print: a change to what is on the paper (candidates, seats,
 * title, …) after the ballots were printed makes the printed stack waste, and is audited.
 */
export { ROUNDS as ROUND_KINDS, type RoundKind } from '../tally/types';

export const ROUND_STATES = [
  'draft',
  'printed',
  'voting',
  'counting',
  'counted',
  'certified',
  'void',
] as const;

export type RoundState = (typeof ROUND_STATES)[number];

const roundTransitions: Readonly<Record<RoundState, readonly RoundState[]>> = {
  draft: ['printed', 'void'],
  printed: ['draft', 'voting', 'void'],
  voting: ['counting', 'void'],
  counting: ['counted', 'void'],
  counted: ['certified', 'counting', 'void'],
  certified: ['counting'],
  void: [],
};

export function canMove(from: RoundState, to: RoundState): boolean {
  return roundTransitions[from].includes(to);
}

/** Set-up may still change what the paper says: before printing, or by an explicit re-print. */
export function isBeforeVoting(state: RoundState): boolean {
  return state === 'draft' || state === 'printed';
}
