import { servicesHarness, type PrintPdf, type ServicesHarness } from '../services-harness';

export interface SetupHarness extends Omit<ServicesHarness, 'auditRows'> {
  auditActions(): string[];
}

/** The real services on a real database file, with the administrator signed in. */
export async function setupHarness(options: { printPdf?: PrintPdf } = {}): Promise<SetupHarness> {
  const h = await servicesHarness({
    folder: 'ct-setup-',
    now: () => new Date('2025-06-01T02:00:00Z'),
    peopleNamed: '人员',
    ...options,
  });
  return { ...h, auditActions: () => h.auditRows().map((row) => row.action) };
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
