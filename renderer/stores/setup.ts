import { create } from 'zustand';
import type { CongressRecord } from '../../shared/api/congress';
import type { DelegateRecord, RosterCounts } from '../../shared/api/delegates';
import type { ElectionRecord } from '../../shared/api/elections';
import { api } from '../api';
import { useAppStatus } from './app-status';

interface SetupState {
  /** undefined while loading; null when no congress exists yet. */
  congress: CongressRecord | null | undefined;
  delegates: DelegateRecord[];
  counts: RosterCounts | null;
  elections: ElectionRecord[];
  /** The last load that failed, in the service's words. */
  problem: string | null;
  loadCongress(): Promise<void>;
  loadRoster(): Promise<void>;
  loadElections(): Promise<void>;
  /** After a change: this page's data and the shell's header. */
  refreshAll(): Promise<void>;
  replaceElection(election: ElectionRecord): void;
}

/** The set-up step's data: the current congress, its roster and its elections. */
export const useSetup = create<SetupState>((set, get) => ({
  congress: undefined,
  delegates: [],
  counts: null,
  elections: [],
  problem: null,

  async loadCongress() {
    const result = await api['congress.current']({});
    if (result.ok) set({ congress: result.value, problem: null });
    else set({ problem: result.error.message });
  },

  async loadRoster() {
    const congress = get().congress;
    if (!congress) return set({ delegates: [], counts: null });
    const result = await api['delegates.list']({ congressId: congress.id });
    if (result.ok) set({ ...result.value, problem: null });
    else set({ problem: result.error.message });
  },

  async loadElections() {
    const congress = get().congress;
    if (!congress) return set({ elections: [] });
    const result = await api['elections.list']({ congressId: congress.id });
    if (result.ok) set({ elections: result.value, problem: null });
    else set({ problem: result.error.message });
  },

  async refreshAll() {
    await get().loadCongress();
    await Promise.all([
      get().loadRoster(),
      get().loadElections(),
      useAppStatus.getState().refresh(),
    ]);
  },

  replaceElection(election) {
    set({ elections: get().elections.map((e) => (e.id === election.id ? election : e)) });
  },
}));
