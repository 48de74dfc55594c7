import { ballotInstructions } from '../../../shared/strings/ballot';
import { ballotLayout, nameSizeFor, rowsOf, type BallotLayout } from './ballotLayout';
import { BallotHeading } from './BallotHeading';
import { MachineBallot, type MachineSheets } from './MachineBallot';
import { ReportDocument } from './ReportDocument';

export interface BallotProps {
  congressName: string;
  /** The election as the ballot names it, e.g. 选举中国共产党东湖镇第十六届委员会委员. */
  electionTitle: string;
  seats: number;
  /** A 预选's: how many formal candidates it produces (each ballot marks at most this many). */
  formalCandidates?: number | undefined;
  /** In printed order: 姓氏笔画 order for most elections, as approved for 书记/副书记. */
  candidates: readonly string[];
  /** Whether the ballot says the names are in 姓氏笔画 order. */
  strokeOrder: boolean;
  writeInBlanks: number;
  /** The congress's instructions (选举办法); empty for the default text. */
  instructions: string;
  /** The colour of the paper the round is printed on, printed as a label; empty for none. */
  colourLabel: string;
  /** 机读选票: the sheets as laid out for machine reading, with their round codes. */
  machine?: MachineSheets | undefined;
}

/**
 * One ballot sheet. Every ballot of a round is this same page: no number and no mark that could
 * tell one ballot from another (secret ballot; 1990 条例 Art. 20).
 */
export function Ballot(props: BallotProps) {
  if (props.machine) return <MachineBallot {...props} machine={props.machine} />;
  const layout = ballotLayout(props.candidates, props.writeInBlanks);
  return (
    <ReportDocument title={`${props.electionTitle}选票`} css={ballotCss(layout)}>
      <main className={props.colourLabel.trim() === '' ? 'ballot' : 'ballot coloured'}>
        {props.colourLabel.trim() !== '' && <p className="colour">{props.colourLabel}</p>}
        <BallotHeading {...props} />
        <CandidateGrid names={props.candidates} layout={layout} />
        {props.writeInBlanks > 0 && <WriteInGrid blanks={props.writeInBlanks} layout={layout} />}
        <Instructions
          paragraphs={ballotInstructions(
            props.instructions,
            props.writeInBlanks,
            props.formalCandidates !== undefined,
          )}
        />
      </main>
    </ReportDocument>
  );
}

function CandidateGrid({ names, layout }: { names: readonly string[]; layout: BallotLayout }) {
  return (
    <table className="grid">
      {rowsOf(names, layout.perRow).map((row, r) => (
        <tbody key={r}>
          <tr className="marks">
            <th>符号</th>
            {row.map((_, i) => (
              <td key={i} />
            ))}
            <VoidCells count={layout.perRow - row.length} />
          </tr>
          <tr className="names">
            <th>姓名</th>
            {row.map((name) => (
              <td key={name} style={{ fontSize: `${nameSizeFor(name, layout)}pt` }}>
                {name}
              </td>
            ))}
            <VoidCells count={layout.perRow - row.length} />
          </tr>
        </tbody>
      ))}
    </table>
  );
}

function WriteInGrid({ blanks, layout }: { blanks: number; layout: BallotLayout }) {
  const cells = Array.from({ length: blanks }, (_, i) => i);
  return (
    <>
      <p className="write-in-caption">
        另选人（另选他人时，在下面空格内写上姓名，并在其上方的符号栏内画“○”）
      </p>
      <table className="grid write-ins">
        {rowsOf(cells, layout.perRow).map((row, r) => (
          <tbody key={r}>
            <tr className="marks">
              <th>符号</th>
              {row.map((i) => (
                <td key={i} />
              ))}
              <VoidCells count={layout.perRow - row.length} />
            </tr>
            <tr className="names">
              <th>姓名</th>
              {row.map((i) => (
                <td key={i} />
              ))}
              <VoidCells count={layout.perRow - row.length} />
            </tr>
          </tbody>
        ))}
      </table>
    </>
  );
}

/** Cells after the last name stay blank and borderless, so nothing invites writing there. */
function VoidCells({ count }: { count: number }) {
  return Array.from({ length: count }, (_, i) => <td key={`void-${i}`} className="void" />);
}

function Instructions({ paragraphs }: { paragraphs: readonly string[] }) {
  return (
    <section className="instructions">
      <h4>说明</h4>
      {paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </section>
  );
}

function ballotCss(layout: BallotLayout): string {
  return `
@page { margin: 14mm 15mm 12mm 15mm; }
.ballot { position: relative; text-align: center; }
.colour { position: absolute; top: 0; right: 0; border: 0.4mm solid #000; padding: 0.5mm 3mm;
  font-size: 11pt; letter-spacing: 0.1em; }
.congress { font-size: 16pt; font-weight: 700; letter-spacing: 0.05em; }
.coloured .congress { padding-top: 6mm; }
.election { font-size: 18pt; font-weight: 700; margin-top: 2mm; }
.heading { font-size: 30pt; font-weight: 900; letter-spacing: 1em; text-indent: 1em; margin: 2mm 0 1mm; }
.seats { font-size: 13pt; margin-bottom: 4mm; }
.seats strong { font-size: 15pt; padding: 0 0.5mm; }
.seats .count { margin-left: 6mm; }
.grid { margin: 0 auto; table-layout: fixed; }
.grid tbody { break-inside: avoid; }
.grid th, .grid td { border: 0.35mm solid #000; padding: 0; text-align: center; vertical-align: middle; }
.grid th { width: ${layout.labelWidthMm}mm; font-size: 10pt; font-weight: 400; line-height: 1.15;
  writing-mode: vertical-rl; letter-spacing: 0.2em; }
.grid td { width: ${layout.cellWidthMm.toFixed(2)}mm; }
.grid .marks td, .grid .marks th { height: ${layout.markHeightMm.toFixed(2)}mm; }
.grid .names td, .grid .names th { height: ${layout.nameHeightMm}mm; }
.grid .names td { font-weight: 700; line-height: 1.15; word-break: break-all; padding: 0 1mm; }
.grid td.void { border: none; }
.write-in-caption { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
.instructions { margin-top: 5mm; border: 0.35mm solid #000; padding: 2.5mm 4mm 3mm; text-align: left;
  font-size: 10.5pt; line-height: 1.6; break-inside: avoid; }
.instructions h4 { margin: 0 0 1mm; text-align: center; font-size: 12pt; letter-spacing: 1em; text-indent: 1em; }
`;
}
