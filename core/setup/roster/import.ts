import { createHash } from 'node:crypto';
import type { Congress } from '../../../db/congresses';
import type { Delegate, DelegateFields } from '../../../db/delegates';
import type { Store } from '../../../db/store';
import type {
  DelegateInput,
  RosterChange,
  RosterImported,
  RosterLine,
  RosterReview,
} from '../../../shared/api/delegates';
import { rosterMaxBytes } from '../../../shared/api/delegates';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { Actor } from '../../platform/context';
import { parseRoster } from './parse';
import { delegateFieldsOf, type RosterField, type RosterParsed } from './types';

export interface RosterFile {
  fileName: string;
  bytes: Uint8Array;
  /** Lines the operator corrected in the preview: each replaces that line of the file. */
  fixes: readonly { line: number; delegate: DelegateFields }[];
}

/** The review the operator sees, and what accepting it would write. */
export interface Reviewed {
  review: RosterReview;
  writes: { line: number; fields: DelegateFields }[];
  errorLines: number[];
  fixedLines: number[];
  sha256: string;
}

const encodingNames = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16（Unicode 文本）',
  gb18030: 'GBK/GB18030',
} as const;

/** The congress a roster is read for: birth dates are checked against its date. */
export interface RosterTarget {
  /** null: a congress not created yet (the command line's preview), so nothing to compare with. */
  congressId: number | null;
  heldOn: string;
}

/** Reads the file against the roster in the database; writes nothing. */
export async function reviewRoster(
  store: Store,
  congress: RosterTarget,
  file: RosterFile,
): Promise<Result<Reviewed>> {
  if (file.bytes.length > rosterMaxBytes) {
    const mb = (file.bytes.length / 1048576).toFixed(1);
    return fail(
      'invalid-argument',
      `名册文件“${file.fileName}”过大（${mb} MB），最多 ${rosterMaxBytes / 1048576} MB；请检查是否选错了文件`,
      { field: 'content' },
    );
  }
  const parsed = await parseRoster(file.bytes, file.fileName, { congressDate: congress.heldOn });
  if (!parsed.ok) return fail('invalid-argument', parsed.error.message, { field: 'content' });
  const known = new Set(parsed.preview.rows.map((row) => row.line));
  const stray = file.fixes.find((fix) => !known.has(fix.line));
  if (stray) {
    return fail('invalid-argument', `第 ${stray.line} 行不是文件中的代表数据行，无法修改`, {
      field: 'fixes',
    });
  }
  const lines = readLines(parsed, new Map(file.fixes.map((f) => [f.line, f.delegate])));
  checkFixedCards(lines);
  const existing =
    congress.congressId === null ? [] : store.delegates.listByCongress(congress.congressId);
  return ok(summarise(parsed, file, lines, existing));
}

interface Line {
  entry: RosterLine;
  fields: DelegateFields | null;
}

function readLines(parsed: RosterParsed, fixes: ReadonlyMap<number, DelegateFields>): Line[] {
  const rows = new Map(parsed.rows.map((row) => [row.line, row]));
  const fieldAt = fieldsOfHeaders(parsed);
  return parsed.preview.rows.map((row) => {
    const fix = fixes.get(row.line);
    const read = rows.get(row.line);
    const fields = fix ?? (read ? delegateFieldsOf(read) : null);
    const entry: RosterLine = {
      line: row.line,
      cells: fix ? cellsOf(fix, row.cells, fieldAt) : row.cells,
      status: fix ? 'fixed' : row.status,
      reasons: fix ? [] : row.reasons,
      delegate: fields ?? prefill(row.cells, fieldAt),
      change: null,
    };
    return { entry, fields };
  });
}

/** A corrected card number may now clash with another line's: that line stays an error. */
function checkFixedCards(lines: Line[]): void {
  const holders = new Map<string, number>();
  for (const { entry, fields } of lines) {
    if (fields && entry.status !== 'fixed') holders.set(fields.cardNo, entry.line);
  }
  for (const line of lines) {
    if (line.entry.status !== 'fixed' || !line.fields) continue;
    const other = holders.get(line.fields.cardNo);
    if (other !== undefined) {
      line.entry.status = 'error';
      line.entry.reasons = [`修改后的代表证号“${line.fields.cardNo}”与第 ${other} 行重复`];
      line.fields = null;
    } else {
      holders.set(line.fields.cardNo, line.entry.line);
    }
  }
}

function summarise(
  parsed: RosterParsed,
  file: RosterFile,
  lines: Line[],
  existing: readonly Delegate[],
): Reviewed {
  const byCard = new Map(existing.map((d) => [d.cardNo, d]));
  const writes: Reviewed['writes'] = [];
  for (const line of lines) {
    if (!line.fields) continue;
    line.entry.change = changeOf(byCard.get(line.fields.cardNo), line.fields);
    writes.push({ line: line.entry.line, fields: line.fields });
  }
  const cards = new Set(writes.map((w) => w.fields.cardNo));
  const entries = lines.map((l) => l.entry);
  const count = (test: (l: RosterLine) => boolean) => entries.filter(test).length;
  const fixedLines = entries.filter((l) => l.status === 'fixed').map((l) => l.line);
  const corrected = new Set(file.fixes.map((f) => f.line));
  const cardHeader = parsed.columns.find((c) => c.field === 'cardNo')?.header ?? '代表证号';
  const clashes = entries
    .filter((l) => corrected.has(l.line) && l.status === 'error')
    .map((l) => ({
      line: l.line,
      column: cardHeader,
      reason: l.reasons.join('；'),
      severity: 'error' as const,
    }));
  return {
    writes,
    errorLines: entries.filter((l) => l.status === 'error').map((l) => l.line),
    fixedLines,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    review: {
      fileName: file.fileName,
      format: parsed.format,
      encoding: parsed.encoding === null ? null : encodingNames[parsed.encoding],
      headerLine: parsed.headerLine,
      headers: parsed.preview.headers,
      lines: entries,
      problems: [...parsed.problems.filter((p) => !corrected.has(p.line)), ...clashes].sort(
        (a, b) => a.line - b.line,
      ),
      notes: parsed.notes,
      summary: {
        lines: entries.length,
        importable: writes.length,
        errors: count((l) => l.status === 'error'),
        warnings: count((l) => l.status === 'warning'),
        fixed: fixedLines.length,
        created: count((l) => l.change === 'created'),
        updated: count((l) => l.change === 'updated'),
        unchanged: count((l) => l.change === 'unchanged'),
        notInFile: existing.filter((d) => !cards.has(d.cardNo)).length,
      },
    },
  };
}

const rosterKeys = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'education',
  'category',
  'unit',
  'cardNo',
  'hasVote',
] as const satisfies readonly (keyof DelegateFields)[];

function changeOf(existing: Delegate | undefined, fields: DelegateFields): RosterChange {
  if (!existing) return 'created';
  return rosterKeys.every((key) => existing[key] === fields[key]) ? 'unchanged' : 'updated';
}

/** The roster field of each preview column (the preview shows imported columns only). */
function fieldsOfHeaders(parsed: RosterParsed): (RosterField | null)[] {
  return parsed.preview.headers.map(
    (header) => parsed.columns.find((c) => c.header === header && c.field !== null)?.field ?? null,
  );
}

/** A corrected line as the preview shows it: the correction under each column it fills. */
function cellsOf(
  fields: DelegateFields,
  read: readonly string[],
  fieldAt: readonly (RosterField | null)[],
): string[] {
  return fieldAt.map((field, i) => {
    if (field === null || field === 'remark') return read[i] ?? '';
    if (field === 'hasVote') return fields.hasVote ? '有' : '无';
    return fields[field] ?? '';
  });
}

/** An error line's values as read, to start the operator's correction from. */
function prefill(
  cells: readonly string[],
  fieldAt: readonly (RosterField | null)[],
): DelegateInput {
  const value = (field: RosterField) => cells[fieldAt.indexOf(field)] ?? '';
  const gender = value('gender');
  const birth = value('birthDate');
  return {
    name: value('name'),
    gender: gender === '男' || gender === '女' ? gender : null,
    ethnicity: value('ethnicity'),
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birth)
      ? birth
      : /^\d{4}-\d{2}$/.test(birth)
        ? `${birth}-01`
        : null,
    education: value('education'),
    category: value('category'),
    unit: value('unit'),
    cardNo: value('cardNo'),
    hasVote: value('hasVote') !== '无',
  };
}

/**
 * Writes a reviewed roster in one transaction with one audit row: every line (`all`, refused
 * while any has an error) or the lines without errors (`valid-only`). Delegates are matched by
 * card number: an existing one is updated, keeping its excuse and attendance.
 */
export function commitRoster(
  store: Store,
  actor: Actor,
  congress: Congress,
  reviewed: Reviewed,
  mode: 'all' | 'valid-only',
): Result<RosterImported> {
  if (mode === 'all' && reviewed.errorLines.length > 0) {
    return fail(
      'invalid-state',
      `第 ${reviewed.errorLines.join('、')} 行有错误，不能全部导入：请修正这些行，或选择只导入无误的行`,
      { field: 'mode' },
    );
  }
  if (reviewed.writes.length === 0) {
    return fail('invalid-state', '文件中没有可以导入的行：请修正错误后重新导入', {
      field: 'content',
    });
  }
  return ok(
    store.transaction(() => {
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const { fields } of reviewed.writes) {
        counts[store.delegates.upsert(congress.id, fields).change] += 1;
      }
      const imported = { ...counts, skipped: reviewed.errorLines, fixed: reviewed.fixedLines };
      store.audit.append({
        actor: actor.name,
        role: actor.role,
        action: 'roster.import',
        payload: {
          congressId: congress.id,
          fileName: reviewed.review.fileName,
          sha256: reviewed.sha256,
          mode,
          ...imported,
        },
      });
      return imported;
    }),
  );
}
