import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { ApiInput, ApiOutput, MethodName, Result } from '../../../shared/api';
import type { Role } from '../../../shared/api/roles';
import { openServices, type Services } from '../../../electron/services/open';
import { openChromiumPrinter } from '../../../electron/services/reports/pdf';
import type { PdfPrinter, PrintableReport } from '../../../electron/services/reports/printer';

export interface SetupHarness {
  services: Services;
  file: string;
  admin: string;
  call<M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token?: string | null,
  ): Promise<Result<ApiOutput<M>>>;
  /** The value of a call that must succeed. */
  must<M extends MethodName>(method: M, input: ApiInput<M>, token?: string): Promise<ApiOutput<M>>;
  /** Signs in a new person of the role; returns the token. */
  person(role: Role): Promise<string>;
  count(sql: string): number;
  auditActions(): string[];
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

/**
 * The real services on a real database file, with the administrator signed in. PDFs come from
 * Chromium unless a test passes its own printer.
 */
export async function setupHarness(
  options: { printPdf?: (report: PrintableReport) => Promise<Uint8Array> } = {},
): Promise<SetupHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-setup-'));
  dirs.push(dir);
  const file = join(dir, 'congress.sqlite');
  const services = openServices({
    file,
    now: () => new Date('2025-06-01T02:00:00Z'),
    display: { openProjector: () => false },
    network: () => ({ connected: false, interfaces: [] }),
    log: { error: () => undefined },
    printPdf: options.printPdf ?? sharedPrint,
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
    file,
    admin,
    call,
    async must(method, input, token = admin) {
      const result = await call(method, input, token);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    },
    async person(role) {
      people += 1;
      const added = await call('people.add', { name: `人员${people}`, role, pin: '1357' }, admin);
      if (!added.ok) throw new Error(added.error.message);
      const signed = await call('session.signIn', { personId: added.value.id, pin: '1357' });
      if (!signed.ok) throw new Error(signed.error.message);
      return signed.value.token;
    },
    count: (sql) => services.store.db.prepare<[], { n: number }>(sql).get()?.n ?? Number.NaN,
    auditActions: () =>
      services.store.db
        .prepare<[], { action: string }>('SELECT action FROM audit ORDER BY seq')
        .all()
        .map((row) => row.action),
  };
}

export const township = {
  name: '中国共产党东湖镇第十六次代表大会',
  term: '第十六次',
  organiser: '中共东湖镇委员会',
  venue: '镇政府大礼堂',
  heldOn: '2025-06-18',
  profile: 'party-grassroots',
} as const;

/** A roster CSV (UTF-8) with the usual header, one line per row given. */
export function rosterCsv(rows: readonly (readonly string[])[]): string {
  const header = [
    '序号',
    '姓名',
    '性别',
    '民族',
    '出生年月',
    '学历',
    '代表类别',
    '选举单位',
    '代表证号',
  ];
  return [header, ...rows.map((r, i) => [String(i + 1), ...r])]
    .map((r) => r.join(','))
    .join('\r\n');
}

export function base64(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}

/** The committee candidates in 姓氏笔画 order, worked out by hand (see congress.test.ts). */
export const committeeInStrokeOrder = [
  '丁建国', // 丁 2 strokes, 横 first
  '卜秀英', // 卜 2, 竖 first
  '刁明华', // 刁 2, 折 first
  '于洋', // 于 3
  '王芳', // 王 4
  '石磊', // 石 5: 横 撇 …
  '田富', // 田 5: 竖 …
  '白雪', // 白 5: 撇 …
  '刘强', // 刘 6
  '李华', // 李 7: 横 …
  '吴斌', // 吴 7: 竖 …
];
