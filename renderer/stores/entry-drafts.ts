import { create } from 'zustand';
import {
  draftReducer,
  emptyDraft,
  type Draft,
  type DraftAction,
} from '../pages/entry/ballot-draft';

/**
 * The ballot being typed in each open pass, kept outside the screen: leaving the entry screen (to
 * look at the boxes, or under the lock screen) and coming back finds the half-typed ballot as it
 * was. Only a committed ballot is on disk; this is the one being typed.
 */
interface DraftsState {
  drafts: Record<string, Draft>;
  apply: (key: string, candidates: number, action: DraftAction) => void;
  reset: (key: string, candidates: number) => void;
}

export const draftKey = (boxId: number, pass: 1 | 2) => `${boxId}:${pass}`;

export const useEntryDrafts = create<DraftsState>((set, get) => ({
  drafts: {},
  apply(key, candidates, action) {
    const current = get().drafts[key] ?? emptyDraft(candidates);
    const next = draftReducer(current, action);
    if (next !== current) set({ drafts: { ...get().drafts, [key]: next } });
  },
  reset(key, candidates) {
    set({ drafts: { ...get().drafts, [key]: emptyDraft(candidates) } });
  },
}));
