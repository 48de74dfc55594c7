import { normalizeName, sortNames, type NameOrder } from '../../shared/names';
import type { SlateStatus } from '../../shared/api/elections';
import { keepsGivenOrder } from '../../shared/domain/offices';
import { PROFILE_RULES } from '../../shared/tally/profiles';
import { checkSlate } from '../../shared/tally/slate';
import type { Office, ProfileId } from '../../shared/tally/types';

export interface CandidateEntry {
  name: string;
  note: string;
}

export interface OrderedCandidates {
  list: CandidateEntry[];
  /** The collation's warnings, for the operator to check the order by hand. */
  warnings: string[];
}

/**
 * The ballot order: 姓氏笔画 with the congress's convention, except 书记 and 副书记, which keep the
 * order the higher committee approved (as given).
 */
export function orderCandidates(
  list: readonly CandidateEntry[],
  office: Office,
  nameOrder: NameOrder,
): OrderedCandidates {
  if (keepsGivenOrder(office)) return { list: [...list], warnings: [] };
  const byName = new Map(list.map((c) => [c.name, c]));
  const { sorted, warnings } = sortNames([...byName.keys()], nameOrder);
  return {
    list: sorted.flatMap((name) => byName.get(name) ?? []),
    warnings: warnings.map((w) => w.message),
  };
}

/** The first name listed twice (as collation sees names: spaces and dots do not count). */
export function duplicateName(list: readonly CandidateEntry[]): string | undefined {
  const seen = new Set<string>();
  for (const { name } of list) {
    const key = normalizeName(name);
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return undefined;
}

/** The engine's 差额 check, with a message that names the bound it applied. */
export function slateStatus(
  profile: ProfileId,
  office: Office,
  seats: number,
  count: number,
): SlateStatus {
  const rules = PROFILE_RULES[profile];
  const check = checkSlate(rules, office, seats, count);
  const { words } = rules.slate(office);
  const { minCandidates: min, maxCandidates: max } = check;
  const base = {
    ok: check.ok,
    minCandidates: min,
    maxCandidates: max,
    detail: check.determination.text,
  };
  if (count < min) {
    const head = count === 0 ? '尚未确定候选人' : count < seats ? '候选人不足' : '差额不足';
    return {
      ...base,
      message: `${head}：应选 ${seats} 名至少需要 ${min} 名候选人（${words}），现有 ${count} 名`,
    };
  }
  if (max !== null && count > max) {
    return {
      ...base,
      message: `候选人过多：应选 ${seats} 名最多 ${max} 名候选人（${words}），现有 ${count} 名`,
    };
  }
  const bound = max === null ? `至少 ${min} 名` : `${min} 至 ${max} 名`;
  return {
    ...base,
    message: `符合差额要求：应选 ${seats} 名，候选人 ${count} 名（${words}，须${bound}）`,
  };
}
