import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Store } from '../../../db/store';
import type { Verdict } from '../../../shared/api/export';
import type { Survey, SurveyRow } from '../../../shared/api/keyring';
import { ok, type Result } from '../../../shared/api/result';
import { checkFolder } from '../../platform/durable-files';
import { verifyPackage } from '../package/verify';
import { organiserOf, verdictOf } from './verdict';

/*
 * 报送汇总: every .zip in a folder (a USB stick of the townships' packages, subfolders included),
 * each verified against the keyring, as one table. What needs the county's attention comes
 * first: broken packages, then packages no registered key vouches for.
 */

async function zipsIn(folder: string): Promise<string[]> {
  const found = await readdir(folder, { recursive: true, withFileTypes: true });
  return found
    .filter((f) => f.isFile() && f.name.toLowerCase().endsWith('.zip'))
    .map((f) => join(f.parentPath, f.name))
    .sort();
}

const order: Record<Verdict['verdict'], number> = { fail: 0, unregistered: 1, pass: 2 };

/** The table says what is wrong in its first sentence; the verify screen says the rest. */
function firstSentence(text: string): string {
  const end = text.indexOf('。');
  return end < 0 ? text : text.slice(0, end + 1);
}

export function rowOf(file: string, verdict: Verdict): SurveyRow {
  if (verdict.verdict === 'fail') {
    const reason = firstSentence(`${verdict.file}：${verdict.reason}`);
    return {
      file,
      verdict: 'fail',
      reason,
      congress: null,
      organiser: null,
      heldOn: null,
      fingerprint: null,
      elections: [],
    };
  }
  const { summary } = verdict;
  return {
    file,
    verdict: verdict.verdict,
    reason: verdict.verdict === 'unregistered' ? firstSentence(verdict.reason) : '',
    congress: summary.congress.name,
    organiser: organiserOf(summary.congress),
    heldOn: summary.congress.heldOn,
    fingerprint: summary.signer.fingerprint,
    elections: summary.elections.map((e) => ({
      title: e.title,
      seats: e.seats,
      elected: e.elected,
      entitled: e.electorate?.entitled ?? null,
      present: e.electorate?.present ?? null,
    })),
  };
}

export async function surveyFolder(store: Store, folder: string): Promise<Result<Survey>> {
  const checked = await checkFolder(folder);
  if (!checked.ok) return checked;
  const keyring = store.keyring.all();
  const rows: SurveyRow[] = [];
  for (const path of await zipsIn(checked.value)) {
    const name = relative(checked.value, path);
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes === undefined) {
      rows.push(rowOf(name, { verdict: 'fail', file: name, reason: '无法读取此文件' }));
      continue;
    }
    const integrity = verifyPackage(bytes);
    const verdict: Verdict = integrity.ok
      ? verdictOf(integrity.value, keyring)
      : { verdict: 'fail', file: name, reason: integrity.error.message };
    rows.push(rowOf(name, verdict));
  }
  rows.sort((a, b) => order[a.verdict] - order[b.verdict] || a.file.localeCompare(b.file, 'zh-CN'));
  const count = (v: Verdict['verdict']) => rows.filter((r) => r.verdict === v).length;
  return ok({
    folder: checked.value,
    rows,
    counts: { pass: count('pass'), unregistered: count('unregistered'), fail: count('fail') },
  });
}
