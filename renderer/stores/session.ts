import { create } from 'zustand';
import type { SessionInfo, SignedIn } from '../../shared/api/session';
import { api, setSessionLostListener, setToken } from '../api';

/** Which screen the shell shows: first run, sign-in, the lock screen, or the work itself. */
export type Phase = 'loading' | 'first-run' | 'sign-in' | 'locked' | 'ready' | 'unavailable';

interface SessionState {
  phase: Phase;
  session: SessionInfo | null;
  /** Why the shell could not start (the services did not answer). */
  problem: string | null;
  /** Local time of the last activity the services have been told of; the idle lock counts from it. */
  lastTouch: number;
  /** Bumped on every sign-in, unlock and sign-out, so an answer from before one is ignored. */
  generation: number;
  refresh(): Promise<void>;
  signedIn(result: SignedIn): void;
  unlocked(session: SessionInfo): void;
  touched(at: number): void;
  lock(): Promise<void>;
  signOut(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  session: null,
  problem: null,
  lastTouch: Date.now(),
  generation: 0,

  async refresh() {
    const asked = get().generation;
    const result = await api['session.status']({});
    if (get().generation !== asked) return;
    if (!result.ok) {
      set({ phase: 'unavailable', problem: result.error.message });
      return;
    }
    const { firstRun, session } = result.value;
    if (!session) setToken(null);
    set({ session, problem: null, phase: phaseOf(firstRun, session) });
  },

  signedIn({ token, session }) {
    setToken(token);
    set({ session, phase: 'ready', lastTouch: Date.now(), generation: get().generation + 1 });
  },

  unlocked(session) {
    set({ session, phase: 'ready', lastTouch: Date.now(), generation: get().generation + 1 });
  },

  touched(at) {
    set({ lastTouch: at });
  },

  async lock() {
    if (get().phase !== 'ready') return;
    set({ phase: 'locked', generation: get().generation + 1 });
    await api['session.lock']({});
  },

  async signOut() {
    await api['session.signOut']({});
    setToken(null);
    set({ session: null, phase: 'sign-in', generation: get().generation + 1 });
  },
}));

function phaseOf(firstRun: boolean, session: SessionInfo | null): Phase {
  if (firstRun) return 'first-run';
  if (!session) return 'sign-in';
  return session.locked ? 'locked' : 'ready';
}

setSessionLostListener((code) => {
  const generation = useSession.getState().generation + 1;
  if (code === 'session-locked') {
    useSession.setState({ phase: 'locked', generation });
  } else {
    setToken(null);
    useSession.setState({ session: null, phase: 'sign-in', generation });
  }
});
