import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { openServices, type Services } from '../../../electron/services/open';
import { openChromiumPrinter } from '../../../electron/services/reports/pdf';
import type { PdfPrinter, PrintableReport } from '../../../electron/services/reports/printer';
import type { ApiInput, ApiOutput, MethodName, Result } from '../../../shared/api';
import type { Role } from '../../../shared/api/roles';
import type { ProfileId, RuleOptions } from '../../../shared/tally/types';
import { rosterCsv, township, type RosterRow } from './roster';

export interface DayHarness {
  services: Services;
  admin: string;
  /** Moves the services' clock on. */
  advance(ms: number): void;
  call<M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token?: string | null,
  ): Promise<Result<ApiOutput<M>>>;
  /** The value of a call that must succeed; the error's message otherwise. */
  must<M extends MethodName>(method: M, input: ApiInput<M>, token?: string): Promise<ApiOutput<M>>;
  /** A new person of the role, signed in: their token. */
  person(role: Role): Promise<string>;
  count(sql: string): number;
  audit(): { action: string; role: string; payload: Record<string, unknown> }[];
}

const dirs: string[] = [];
const open: Services[] = [];
let printer: Promise<PdfPrinter> | undefined;

afterEach(() => {
  for (const services of open.splice(0)) services.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  if (printer) await (await printer).close();
});

function sharedPrint(report: PrintableReport): Promise<Uint8Array> {
  printer ??= openChromiumPrinter();
  return printer.then((p) => p.print(report));
}

/** The real services on a fresh database file, the administrator signed in, a clock we move. */
export async function dayHarness(): Promise<DayHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-checkin-'));
  dirs.push(dir);
  let time = Date.parse('2025-06-18T00:30:00Z');
  const services = openServices({
    file: join(dir, 'congress.sqlite'),
    now: () => new Date(time),
    display: { openProjector: () => false },
    network: () => ({ connected: false, interfaces: [] }),
    log: { error: () => undefined },
    printPdf: sharedPrint,
  });
  open.push(services);
  const call = <M extends MethodName>(method: M, input: ApiInput<M>, token: string | null = null) =>
    services.dispatch(method, input, token) as Promise<Result<ApiOutput<M>>>;
  const created = await call('session.createFirstAdmin', { name: '王管理', pin: '246810' });
  if (!created.ok) throw new Error(created.error.message);
  const admin = created.value.token;
  let people = 0;
  return {
    services,
    admin,
    advance: (ms) => {
      time += ms;
    },
    call,
    async must(method, input, token = admin) {
      const result = await call(method, input, token);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    },
    async person(role) {
      people += 1;
      const added = await call(
        'people.add',
        { name: `工作人员${people}`, role, pin: '1357' },
        admin,
      );
      if (!added.ok) throw new Error(added.error.message);
      const signed = await call('session.signIn', { personId: added.value.id, pin: '1357' });
      if (!signed.ok) throw new Error(signed.error.message);
      return signed.value.token;
    },
    count: (sql) => services.store.db.prepare<[], { n: number }>(sql).get()?.n ?? Number.NaN,
    audit: () =>
      services.store.db
        .prepare<[], { action: string; role: string; payload: string }>(
          'SELECT action, role, payload FROM audit ORDER BY seq',
        )
        .all()
        .map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> })),
  };
}

export interface Congress {
  congressId: number;
  /** Delegate ids in roster order. */
  ids: number[];
  rows: RosterRow[];
}

/** A congress of the profile with a roster of `size` imported the way the operator does it. */
export async function congressWith(
  h: DayHarness,
  size: number,
  profile: ProfileId = 'party-grassroots',
  options: Partial<RuleOptions> = {},
): Promise<Congress> {
  const { id: congressId } = await h.must('congress.create', {
    name: '中国共产党东湖镇第十六次代表大会',
    heldOn: '2025-06-18',
    profile,
    options,
  });
  const rows = township(size);
  await h.must('roster.import', {
    congressId,
    fileName: '代表名册.csv',
    content: Buffer.from(rosterCsv(rows)).toString('base64'),
    mode: 'all',
  });
  const { delegates } = await h.must('delegates.list', { congressId });
  return { congressId, ids: delegates.map((d) => d.id), rows };
}

/** Checks in the delegates with these ids (as a teller), one call each. */
export async function checkIn(h: DayHarness, token: string, ids: readonly number[]) {
  for (const delegateId of ids) {
    await h.must('checkin.checkIn', { delegateId, via: 'search' }, token);
  }
}
