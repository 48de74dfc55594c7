import type { Database } from 'better-sqlite3';
import { applyPatch, returned } from './rows';

export type Gender = '男' | '女';

/** What the organisation department's roster says about a delegate. */
export interface DelegateFields {
  name: string;
  gender: Gender | null;
  ethnicity: string;
  /** YYYY-MM-DD */
  birthDate: string | null;
  education: string;
  category: string;
  /** 选举单位 / 代表团 */
  unit: string;
  /** Delegate card number, unique within the congress; the barcode on the card. */
  cardNo: string;
  hasVote: boolean;
}

export interface Delegate extends DelegateFields {
  id: number;
  congressId: number;
  /** Set when excused with approval: then not counted in 应到. */
  excusedReason: string | null;
}

export type NewDelegate = Pick<DelegateFields, 'name' | 'cardNo'> & Partial<DelegateFields>;

/** present 实到, leave 请假, absent 缺席; no row: not arrived yet. */
export type AttendanceStatus = 'present' | 'leave' | 'absent';

export interface Attendance {
  delegateId: number;
  status: AttendanceStatus;
  at: string;
}

/**
 * entitled (应到) = on the roster with a vote and not excused; present, leave, absent and notYet
 * split the entitled. A delegate without a vote, or excused, who checks in is not counted present.
 */
export interface AttendanceCounts {
  roster: number;
  withoutVote: number;
  excused: number;
  entitled: number;
  present: number;
  leave: number;
  absent: number;
  notYet: number;
}

/** The counts of one 选举单位 (代表团): entitled and how it splits. */
export interface UnitAttendance {
  unit: string;
  entitled: number;
  present: number;
  leave: number;
  absent: number;
  notYet: number;
}

/** A delegate with their mark, for the check-in desk's list of what just happened. */
export interface MarkedDelegate {
  delegate: Delegate;
  attendance: Attendance;
}

export type UpsertChange = 'created' | 'updated' | 'unchanged';

interface DelegateRow extends Omit<Delegate, 'hasVote'> {
  hasVote: number;
}

const columns = `id, congress_id AS congressId, name, gender, ethnicity, birth_date AS birthDate,
  education, category, unit, card_no AS cardNo, has_vote AS hasVote,
  excused_reason AS excusedReason`;

const toDelegate = (row: DelegateRow): Delegate => ({ ...row, hasVote: row.hasVote === 1 });

const defaults: Omit<DelegateFields, 'name' | 'cardNo'> = {
  gender: null,
  ethnicity: '',
  birthDate: null,
  education: '',
  category: '',
  unit: '',
  hasVote: true,
};

const rosterKeys = Object.keys({ name: '', cardNo: '', ...defaults }) as (keyof DelegateFields)[];

/** Named parameters (@name) for a delegate row. */
const params = (f: DelegateFields) => ({ ...f, hasVote: f.hasVote ? 1 : 0 });

type Params = ReturnType<typeof params>;

const complete = (f: NewDelegate): DelegateFields =>
  applyPatch<DelegateFields>({ ...defaults, name: f.name, cardNo: f.cardNo }, f);

/** The roster and its attendance (报到). Nothing on the ballot side refers to either. */
export function createDelegatesRepo(db: Database, now: () => Date) {
  const insert = db.prepare<[Params & { congressId: number }], DelegateRow>(
    `INSERT INTO delegate (congress_id, name, gender, ethnicity, birth_date, education, category,
       unit, card_no, has_vote)
     VALUES (@congressId, @name, @gender, @ethnicity, @birthDate, @education, @category, @unit,
       @cardNo, @hasVote)
     RETURNING ${columns}`,
  );
  const update = db.prepare<[Params & { id: number }], DelegateRow>(
    `UPDATE delegate SET name = @name, gender = @gender, ethnicity = @ethnicity,
       birth_date = @birthDate, education = @education, category = @category, unit = @unit,
       card_no = @cardNo, has_vote = @hasVote
     WHERE id = @id RETURNING ${columns}`,
  );
  const selectById = db.prepare<[number], DelegateRow>(
    `SELECT ${columns} FROM delegate WHERE id = ?`,
  );
  const selectByCard = db.prepare<[number, string], DelegateRow>(
    `SELECT ${columns} FROM delegate WHERE congress_id = ? AND card_no = ?`,
  );
  const selectByCongress = db.prepare<[number], DelegateRow>(
    `SELECT ${columns} FROM delegate WHERE congress_id = ? ORDER BY id`,
  );
  const remove = db.prepare<[number]>('DELETE FROM delegate WHERE id = ?');
  const setExcused = db.prepare<[string | null, number], DelegateRow>(
    `UPDATE delegate SET excused_reason = ? WHERE id = ? RETURNING ${columns}`,
  );
  const upsertAttendance = db.prepare<[number, AttendanceStatus, string], Attendance>(
    `INSERT INTO attendance (delegate_id, status, at) VALUES (?, ?, ?)
     ON CONFLICT (delegate_id) DO UPDATE SET status = excluded.status, at = excluded.at
     RETURNING delegate_id AS delegateId, status, at`,
  );
  const deleteAttendance = db.prepare<[number]>('DELETE FROM attendance WHERE delegate_id = ?');
  const selectAttendance = db.prepare<[number], Attendance>(
    'SELECT delegate_id AS delegateId, status, at FROM attendance WHERE delegate_id = ?',
  );
  const selectAttendanceByCongress = db.prepare<[number], Attendance>(
    `SELECT a.delegate_id AS delegateId, a.status, a.at
     FROM attendance a JOIN delegate d ON d.id = a.delegate_id
     WHERE d.congress_id = ? ORDER BY a.delegate_id`,
  );
  const selectCounts = db.prepare<[number], Omit<AttendanceCounts, 'notYet'>>(
    `SELECT count(*) AS roster,
       count(*) FILTER (WHERE d.has_vote = 0) AS withoutVote,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NOT NULL) AS excused,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL) AS entitled,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL
                          AND a.status = 'present') AS present,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL
                          AND a.status = 'leave') AS leave,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL
                          AND a.status = 'absent') AS absent
     FROM delegate d LEFT JOIN attendance a ON a.delegate_id = d.id
     WHERE d.congress_id = ?`,
  );
  const selectUnitCounts = db.prepare<[number], Omit<UnitAttendance, 'notYet'>>(
    `SELECT d.unit AS unit,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL) AS entitled,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL
                          AND a.status = 'present') AS present,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL
                          AND a.status = 'leave') AS leave,
       count(*) FILTER (WHERE d.has_vote = 1 AND d.excused_reason IS NULL
                          AND a.status = 'absent') AS absent
     FROM delegate d LEFT JOIN attendance a ON a.delegate_id = d.id
     WHERE d.congress_id = ? GROUP BY d.unit ORDER BY min(d.id)`,
  );
  const selectLatestMarks = db.prepare<
    [number, number],
    DelegateRow & { status: AttendanceStatus; at: string }
  >(
    `SELECT ${columns}, a.status, a.at
     FROM attendance a JOIN delegate d ON d.id = a.delegate_id WHERE d.congress_id = ?
     ORDER BY a.at DESC, a.delegate_id DESC LIMIT ?`,
  );

  const one = (row: DelegateRow | undefined) => (row ? toDelegate(row) : undefined);
  const byId = (id: number) => one(selectById.get(id));
  const byCard = (congressId: number, cardNo: string) => one(selectByCard.get(congressId, cardNo));

  const create = (congressId: number, fields: NewDelegate): Delegate => {
    return toDelegate(returned(insert.get({ ...params(complete(fields)), congressId })));
  };

  return {
    create,
    /**
     * Re-import: the delegate with this card number takes the roster fields given (others their
     * defaults, as in create); id, excuse and attendance stay.
     */
    upsert(congressId: number, fields: NewDelegate): { delegate: Delegate; change: UpsertChange } {
      const next = complete(fields);
      const existing = byCard(congressId, next.cardNo);
      if (!existing) return { delegate: create(congressId, next), change: 'created' };
      if (rosterKeys.every((key) => existing[key] === next[key])) {
        return { delegate: existing, change: 'unchanged' };
      }
      const row = returned(update.get({ ...params(next), id: existing.id }));
      return { delegate: toDelegate(row), change: 'updated' };
    },
    byId,
    byCard,
    /** In roster (import) order. */
    listByCongress: (congressId: number): Delegate[] =>
      selectByCongress.all(congressId).map(toDelegate),
    update(id: number, patch: Partial<DelegateFields>): Delegate | undefined {
      const current = byId(id);
      return current && one(update.get({ ...params(applyPatch(current, patch)), id }));
    },
    remove: (id: number): boolean => remove.run(id).changes > 0,
    excuse: (id: number, reason: string) => one(setExcused.get(reason, id)),
    unexcuse: (id: number) => one(setExcused.get(null, id)),

    setAttendance(delegateId: number, status: AttendanceStatus): Attendance {
      return returned(upsertAttendance.get(delegateId, status, now().toISOString()));
    },
    /** Undo: back to not arrived. */
    clearAttendance: (delegateId: number): boolean => deleteAttendance.run(delegateId).changes > 0,
    attendanceOf: (delegateId: number): Attendance | undefined => selectAttendance.get(delegateId),
    attendanceByCongress: (congressId: number): Attendance[] =>
      selectAttendanceByCongress.all(congressId),
    counts(congressId: number): AttendanceCounts {
      const c = selectCounts.get(congressId);
      if (!c) throw new Error('an aggregate query gave no row');
      return { ...c, notYet: c.entitled - c.present - c.leave - c.absent };
    },
    /** The counts per 选举单位, units in roster order. */
    countsByUnit: (congressId: number): UnitAttendance[] =>
      selectUnitCounts
        .all(congressId)
        .map((u) => ({ ...u, notYet: u.entitled - u.present - u.leave - u.absent })),
    /** The most recent marks (check-in, leave, absent), newest first. */
    latestMarks: (congressId: number, limit: number): MarkedDelegate[] =>
      selectLatestMarks.all(congressId, limit).map(({ status, at, ...row }) => ({
        delegate: toDelegate(row),
        attendance: { delegateId: row.id, status, at },
      })),
  };
}
