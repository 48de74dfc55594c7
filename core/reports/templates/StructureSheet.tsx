import { ReportDocument } from './ReportDocument';
import { SignatureLines, signatureCss } from './SignatureLines';

export interface StructureRow {
  label: string;
  count: number;
  /** Of the whole roster, as printed: 33.3 */
  share: string;
}

export interface StructureSection {
  title: string;
  rows: readonly StructureRow[];
}

export interface StructureTargetLine {
  label: string;
  met: boolean;
  sentence: string;
}

export interface StructureSheetProps {
  congressName: string;
  asOf: string;
  total: number;
  averageAge: number | null;
  targets: readonly StructureTargetLine[];
  sections: readonly StructureSection[];
  /** Education entries no level was found for: listed so that the roster gets corrected. */
  unrecognisedEducation: readonly string[];
}

/** 代表结构情况 for the 代表资格审查 report: each threshold, then the make-up table by table. */
export function StructureSheet(props: StructureSheetProps) {
  const title = `${props.congressName}代表结构情况`;
  return (
    <ReportDocument title={title} css={structureCss + signatureCss}>
      <header className="sheet-title">
        <h1>{props.congressName}</h1>
        <h2>代表结构情况</h2>
        <p>
          按大会召开日 {props.asOf} 计算，代表共 {props.total} 名
          {props.averageAge !== null && `，平均年龄 ${props.averageAge} 岁`}
        </p>
      </header>
      {props.targets.length > 0 && (
        <table className="targets">
          <thead>
            <tr>
              <th className="label">指标</th>
              <th className="verdict">结论</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {props.targets.map((t) => (
              <tr key={t.label}>
                <td>{t.label}</td>
                <td className="verdict">{t.met ? '符合' : '不符合'}</td>
                <td>{t.sentence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="sections">
        {props.sections.map((section) => (
          <table key={section.title} className="section">
            <thead>
              <tr>
                <th colSpan={3} className="section-title">
                  {section.title}
                </th>
              </tr>
              <tr>
                <th>分类</th>
                <th className="n">人数</th>
                <th className="n">占比</th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.label}>
                  <td>{row.label}</td>
                  <td className="n">{row.count}</td>
                  <td className="n">{row.share}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {props.unrecognisedEducation.length > 0 && (
        <p className="note">未能归类的学历：{props.unrecognisedEducation.join('、')}</p>
      )}
      <SignatureLines roles={['代表资格审查委员会主任', '填报人']} />
    </ReportDocument>
  );
}

const structureCss = `
.sheet-title { text-align: center; margin-bottom: 6mm; }
.sheet-title h1 { font-size: 15pt; }
.sheet-title h2 { font-size: 18pt; letter-spacing: 0.3em; margin: 2mm 0; }
table { width: 100%; margin-bottom: 4mm; page-break-inside: avoid; font-size: 10pt; }
th, td { border: 0.3mm solid #000; padding: 0.4mm 2mm; text-align: left; line-height: 1.35; }
th { font-weight: bold; background: #eee; }
.targets .label { width: 28%; }
.targets .verdict { width: 14%; text-align: center; }
.sections { columns: 2; column-gap: 6mm; }
.section { break-inside: avoid; }
.section-title { text-align: center; }
.n { text-align: right; width: 22%; }
.note { margin-top: 4mm; }
.signatures { margin-top: 6mm; }
.signature { margin-top: 5mm; }
.signature-date { margin-top: 6mm; }
`;
