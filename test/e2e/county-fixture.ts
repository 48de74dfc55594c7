import { openChromiumPrinter } from '../../core/reports/pdf';
import type { PrintableReport } from '../../core/reports/printer';
import { resultsHarness, times } from '../unit/results/fixture';

/*
 * The townships of a county, each exporting its congress's package: every township its own
 * database and its own signing key, its congress set up, voted, entered and certified through
 * the services, and exported through the API. The reports of every package are the PDFs Chromium
 * printed for the first township: printing the same four reports thirty times would only be slow,
 * and verification checks a report's bytes against the manifest, not what it shows.
 */

export const townships = [
  ...['东湖镇', '西湖镇', '南山镇', '北山镇', '青石镇', '白沙镇', '红旗镇', '长岭镇', '马场乡'],
  ...['杨柳镇', '石桥镇', '梅林乡', '桃源镇', '新华镇', '和平乡', '金沙镇', '龙泉镇', '凤凰镇'],
  ...['黄土乡', '清水镇', '大河镇', '小溪乡', '古城镇', '高坪乡', '柏树镇', '竹园乡', '松林镇'],
  ...['云山镇', '花桥镇', '双河镇'],
];

const surnames = '丁王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程';
const given = ['建国', '秀英', '志强', '海燕', '国平', '玉兰', '文华', '春梅'];

export interface TownshipPackage {
  township: string;
  organiser: string;
  /** The package's path. */
  file: string;
  /** The township's public key file, as handed to the county. */
  publicKey: string;
  fingerprint: string;
  elected: string[];
}

export async function townshipPackages(folder: string, count: number): Promise<TownshipPackage[]> {
  const printer = await openChromiumPrinter();
  const printed: Uint8Array[] = [];
  const made: TownshipPackage[] = [];
  try {
    for (const [i, township] of townships.slice(0, count).entries()) {
      made.push(await exportTownship(i, township, folder, printed, (r) => printer.print(r)));
    }
  } finally {
    await printer.close();
  }
  return made;
}

async function exportTownship(
  i: number,
  township: string,
  folder: string,
  printed: Uint8Array[],
  print: (report: PrintableReport) => Promise<Uint8Array>,
): Promise<TownshipPackage> {
  const candidates = [0, 1, 2, 3].map(
    (j) =>
      `${surnames[(i + j * 7) % surnames.length] ?? '丁'}${given[(i + j) % given.length] ?? ''}`,
  );
  const present = 11 + (i % 3);
  const h = await resultsHarness({ seats: 2, candidates, entitled: 13, present });
  const organiser = `中共${township}委员会`;
  h.store.transaction(() => {
    h.store.congresses.update(h.congress.id, {
      name: `中国共产党${township}第十六次代表大会`,
      organiser,
    });
    h.store.elections.update(h.election.id, {
      title: `选举中国共产党${township}第十六届委员会委员`,
    });
  });
  let report = 0;
  h.services.context.printPdf = async (r) => {
    report += 1;
    printed[report - 1] ??= await print(r);
    return printed[report - 1] ?? new Uint8Array();
  };
  // 第二名 p-1 票, 第一名 p-2 票, 第三名 3 票: two elected, no tie.
  const ballots = [...times(present - 3, 'OO--'), ...times(2, '-OO-'), ...times(1, 'O-O-')];
  await h.vote(h.formalRoundId);
  await h.enter(h.formalRoundId, ballots);
  await h.certify(h.formalRoundId);
  const exported = await h.must(
    'export.package',
    { congressId: h.congress.id, folder },
    h.chief.token,
  );
  const key = await h.must('export.publicKey', {}, h.chief.token);
  return {
    township,
    organiser,
    file: exported.file,
    publicKey: key.content,
    fingerprint: key.fingerprint,
    elected: [candidates[1] ?? '', candidates[0] ?? ''],
  };
}
