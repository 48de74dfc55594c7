import { create } from 'zustand';
import type { AppStatus } from '../../shared/api/app';
import { api } from '../api';

interface AppStatusState {
  status: AppStatus | null;
  /** The election the operator is working on, chosen in the header; pages read it from here. */
  electionId: number | null;
  refresh(): Promise<void>;
  chooseElection(id: number | null): void;
}

/** Version, network, idle-lock time and the current congress, refreshed every few seconds. */
export const useAppStatus = create<AppStatusState>((set, get) => ({
  status: null,
  electionId: null,

  async refresh() {
    const result = await api['app.status']({});
    if (!result.ok) return;
    const status = result.value;
    const chosen = get().electionId;
    const stillThere = status.elections.some((election) => election.id === chosen);
    set({ status, electionId: stillThere ? chosen : (status.elections[0]?.id ?? null) });
  },

  chooseElection(id) {
    set({ electionId: id });
  },
}));
