import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { openServices, type Services } from '../../core/platform/open';
import { openChromiumPrinter } from '../../core/reports/pdf';
import type { PdfPrinter, PrintableReport } from '../../core/reports/printer';
import type { Store } from '../../db/store';
import type { ApiInput, ApiOutput, MethodName, Result } from '../../shared/api';
import type { Role } from '../../shared/domain/roles';

export type PrintPdf = (report: PrintableReport) => Promise<Uint8Array>;

export interface ServicesHarness {
  services: Services;
  file: string;
  admin: string;
  call<M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token?: string | null,
  ): Promise<Result<ApiOutput<M>>>;
  /** The value of a call that must succeed; the error's message otherwise. */
  must<M extends MethodName>(method: M, input: ApiInput<M>, token?: string): Promise<ApiOutput<M>>;
  /** Signs in a new person of the role; returns the token. */
  person(role: Role): Promise<string>;
  count(sql: string): number;
  auditRows(): { action: string; role: string; payload: string }[];
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

/** One Chromium for every PDF of a test file: starting one per report would be slow. */
function sharedPrint(report: PrintableReport): Promise<Uint8Array> {
  printer ??= openChromiumPrinter();
  return printer.then((p) => p.print(report));
}

export interface TestServices {
  services: Services;
  store: Store;
  file: string;
  call: <M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token?: string | null,
  ) => Promise<Result<ApiOutput<M>>>;
  /** The value of a call that must succeed; the error's message otherwise. */
  must: <M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token: string,
  ) => Promise<ApiOutput<M>>;
  /**
   * A person of the role written straight into the store and given a session (PIN hashing is
   * slow on purpose, and signing in is tested where it is built); `pinHash` for one whose PIN is
   * checked.
   */
  quickPerson: (role: Role, name: string, pinHash?: string) => { token: string; id: number };
  count: (sql: string) => number;
  auditActions: () => string[];
  auditRows: () => { action: string; role: string; payload: string }[];
}

/**
 * The real services on a database file (a fresh one in a temporary folder unless `file` is
 * given), closed and removed after each test. Every services fixture of the suite starts here.
 */
export function testServices(options: {
  /** Prefix of the temporary folder. */
  folder?: string;
  /** An existing file to open instead (a crash test reopening its database). */
  file?: string;
  now: () => Date;
  printPdf?: PrintPdf;
  log?: (message: string, error: unknown) => void;
}): TestServices {
  let file = options.file;
  if (file === undefined) {
    const dir = mkdtempSync(join(tmpdir(), options.folder ?? 'ct-services-'));
    dirs.push(dir);
    file = join(dir, 'congress.sqlite');
  }
  const services = openServices({
    file,
    now: options.now,
    display: { openProjector: () => false },
    network: () => ({ connected: false, interfaces: [] }),
    log: { error: options.log ?? (() => undefined) },
    printPdf: options.printPdf ?? sharedPrint,
  });
  open.push(services);
  const { store } = services;
  const call = <M extends MethodName>(method: M, input: ApiInput<M>, token: string | null = null) =>
    services.dispatch(method, input, token) as Promise<Result<ApiOutput<M>>>;
  const auditRows = () =>
    store.db
      .prepare<[], { action: string; role: string; payload: string }>(
        'SELECT action, role, payload FROM audit ORDER BY seq',
      )
      .all();
  return {
    services,
    store,
    file,
    call,
    must: async (method, input, token) => {
      const result = await call(method, input, token);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    },
    quickPerson: (role, name, pinHash = 'not-a-pin') => {
      const person = store.transaction(() => store.people.create({ name, role, pinHash }));
      return { token: services.context.sessions.open(person).token, id: person.id };
    },
    count: (sql) => store.db.prepare<[], { n: number }>(sql).get()?.n ?? Number.NaN,
    auditActions: () => auditRows().map((row) => row.action),
    auditRows,
  };
}

/**
 * The real services on a fresh database file, with the administrator signed in. PDFs come from
 * Chromium unless a test passes its own printer.
 */
export async function servicesHarness(options: {
  /** Prefix of the temporary folder. */
  folder: string;
  now: () => Date;
  /** How people added by `person` are named: the prefix and a running number. */
  peopleNamed: string;
  printPdf?: PrintPdf;
}): Promise<ServicesHarness> {
  const base = testServices(options);
  const { services, file, call, count, auditRows } = base;
  const created = await call('session.createFirstAdmin', { name: '王管理', pin: '246810' });
  if (!created.ok) throw new Error(created.error.message);
  const admin = created.value.token;
  let people = 0;
  return {
    services,
    file,
    admin,
    call,
    must: (method, input, token = admin) => base.must(method, input, token),
    async person(role) {
      people += 1;
      const name = `${options.peopleNamed}${people}`;
      const added = await call('people.add', { name, role, pin: '1357' }, admin);
      if (!added.ok) throw new Error(added.error.message);
      const signed = await call('session.signIn', { personId: added.value.id, pin: '1357' });
      if (!signed.ok) throw new Error(signed.error.message);
      return signed.value.token;
    },
    count,
    auditRows,
  };
}
