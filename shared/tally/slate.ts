import type { Profile } from './profiles';
import type { Determination, Office, SlateCheck } from './types';

/** The 差额 check of a formal round's candidate list, before ballots are printed. */
export function checkSlate(
  profile: Profile,
  office: Office,
  seats: number,
  candidates: number,
): SlateCheck & { determination: Determination } {
  const slate = profile.slate(office);
  const minCandidates = slate.min(seats);
  const maxCandidates = slate.max(seats);
  const ok = candidates >= minCandidates && (maxCandidates === null || candidates <= maxCandidates);
  const bound =
    maxCandidates === null
      ? `至少 ${minCandidates} 名`
      : ` ${minCandidates} 至 ${maxCandidates} 名`;
  const verdict = ok ? '符合' : '不符合，不能印制选票';
  const text = `候选人 ${candidates} 名，应选 ${seats} 名，${slate.words}，须${bound}：${verdict}（${slate.rule}）`;
  return {
    minCandidates,
    maxCandidates,
    ok,
    determination: { kind: 'slate', text, rule: slate.rule },
  };
}
