import type { Result } from '../../../shared/api/result';
import type { SignInPerson } from '../../../shared/api/session';
import { api } from '../../api';

/*
 * The list of people on the sign-in screen. Most days the app opens on that screen, so the list
 * is asked for as the app starts, beside the session, and the screen opens with it rather than
 * asking once it shows and drawing itself a second time. A screen opened later asks afresh.
 */

type Answer = Promise<Result<SignInPerson[]>>;

/** How long the list asked at start stands for the screen: it shows well within, if it is first. */
const freshMs = 3_000;

interface Early {
  answer: Answer;
  at: number;
  /** The answer, once it has come. */
  came?: Result<SignInPerson[]>;
}

let early: Early | null = null;

/** Asks for the list as the app starts. */
export function askPeopleEarly(): void {
  const asked: Early = { answer: api['session.people']({}), at: performance.now() };
  void asked.answer.then((result) => (asked.came = result));
  early = asked;
}

function fresh(): Early | null {
  return early && performance.now() - early.at < freshMs ? early : null;
}

/** The list asked at start, if it has come and is fresh: what the screen first shows. */
export function earlyPeople(): SignInPerson[] | null {
  const came = fresh()?.came;
  return came?.ok ? came.value : null;
}

/** The list for a screen that has opened: the one asked at start while fresh, once, or anew. */
export function askPeople(): Answer {
  const taken = fresh();
  early = null;
  return taken ? taken.answer : api['session.people']({});
}
