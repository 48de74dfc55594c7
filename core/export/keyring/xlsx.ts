import ExcelJS from 'exceljs';
import type { Survey } from '../../../shared/api/keyring';
import { turnoutText, verdictLabels } from '../../../shared/strings/verdicts';

/*
 * 报送汇总 as a workbook: one row per election of each package (one row for a package that failed,
 * with the reason), in the table's order, so the county can sort and file it as it likes.
 */

const columns = [
  { header: '核验结论', key: 'verdict', width: 14 },
  { header: '大会', key: 'congress', width: 34 },
  { header: '主办单位', key: 'organiser', width: 22 },
  { header: '召开日期', key: 'heldOn', width: 12 },
  { header: '选举事项', key: 'election', width: 34 },
  { header: '应选', key: 'seats', width: 6 },
  { header: '当选', key: 'elected', width: 30 },
  { header: '实到/应到', key: 'turnout', width: 16 },
  { header: '原因', key: 'reason', width: 60 },
  { header: '签名公钥指纹', key: 'fingerprint', width: 26 },
  { header: '文件', key: 'file', width: 40 },
];

const fills = { fail: 'FFFFCCC7', unregistered: 'FFFFE8B0', pass: 'FFD9F2D0' } as const;

export async function surveyWorkbook(survey: Survey, at: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = at;
  const sheet = workbook.addWorksheet('报送汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const row of survey.rows) {
    const common = {
      verdict: verdictLabels[row.verdict],
      congress: row.congress ?? '',
      organiser: row.organiser ?? '',
      heldOn: row.heldOn ?? '',
      reason: row.reason,
      fingerprint: row.fingerprint ?? '',
      file: row.file,
    };
    const elections = row.elections.length > 0 ? row.elections : [undefined];
    for (const election of elections) {
      const added = sheet.addRow({
        ...common,
        election: election?.title ?? '',
        seats: election?.seats ?? '',
        elected: election?.elected.join('、') ?? '',
        turnout: election ? turnoutText(election.present, election.entitled) : '',
      });
      added.getCell('verdict').fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: fills[row.verdict] },
      };
      added.alignment = { vertical: 'top', wrapText: true };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
