import type { CSSProperties } from 'react';
import { encode } from 'uqr';
import { ballotInstructions } from '../../../shared/strings/ballot';
import type { Rect } from '../../../shared/scan/layout';
import { PRINTED_ECC } from '../../../shared/scan/round-code';
import type { BallotProps } from './Ballot';
import { BallotHeading } from './BallotHeading';
import { A4, COLOUR_RECT, lines, type BallotGeometry, type SheetGeometry } from './ballotGeometry';
import { nameSizeFor } from './ballotLayout';
import { ReportDocument } from './ReportDocument';

export interface MachineSheets {
  geometry: BallotGeometry;
  /** The round code's text for each sheet, the same on every ballot of the round. */
  codes: readonly string[];
}

const BORDER = 0.35;

/**
 * The machine-readable ballot: every box absolutely placed in millimetres from the geometry, on a
 * sheet without print margins, so that paper and layout are one. The same words as the plain
 * ballot, plus the four registration marks and the round code on every sheet.
 */
export function MachineBallot(props: BallotProps & { machine: MachineSheets }) {
  const { geometry, codes } = props.machine;
  const paragraphs = ballotInstructions(
    props.instructions,
    props.writeInBlanks,
    props.formalCandidates !== undefined,
  );
  const total = geometry.sheets.length;
  return (
    <ReportDocument title={`${props.electionTitle}选票`} css={machineCss}>
      {geometry.sheets.map((sheet, i) => {
        const page = geometry.layout.pages[i];
        return (
          <section className="sheet" key={i}>
            {page?.marks.map((mark, m) => (
              <div key={`mark-${m}`} className="registration" style={box(mark)} />
            ))}
            {page && <RoundCode rect={page.code} text={codes[i] ?? ''} />}
            {i === 0 && props.colourLabel.trim() !== '' && (
              <p className="colour" style={box(COLOUR_RECT)}>
                {props.colourLabel}
              </p>
            )}
            {i === 0 ? (
              <Header {...props} rect={sheet.header} />
            ) : (
              <Continued {...props} sheet={sheet} />
            )}
            <Grid sheet={sheet} props={props} geometry={geometry} page={i} />
            {sheet.instructions && (
              <section className="instructions" style={box(sheet.instructions)}>
                <h4>说明</h4>
                {paragraphs.map((text, p) => (
                  <p key={p}>{text}</p>
                ))}
              </section>
            )}
            {sheet.pageLine && (
              <p className="page-line" style={box(sheet.pageLine)}>
                第 {i + 1} 页{'\u3000'}共 {total} 页
              </p>
            )}
          </section>
        );
      })}
    </ReportDocument>
  );
}

function Header(props: BallotProps & { rect: Rect }) {
  return (
    <header className="header" style={box(props.rect)}>
      <BallotHeading {...props} />
    </header>
  );
}

function Continued(props: BallotProps & { sheet: SheetGeometry }) {
  return (
    <header className="header" style={box(props.sheet.header)}>
      <h2 className="election">{props.electionTitle}选票（续）</h2>
    </header>
  );
}

function Grid(args: {
  sheet: SheetGeometry;
  props: BallotProps;
  geometry: BallotGeometry;
  page: number;
}) {
  const { sheet, props, geometry, page } = args;
  const cells = geometry.layout.pages[page]?.cells ?? [];
  return (
    <>
      {sheet.caption && (
        <p className="caption" style={box(sheet.caption)}>
          另选人（另选他人时，在下面空格内写上姓名，并在其上方的符号栏内画“○”）
        </p>
      )}
      {sheet.labels.map((label, i) => (
        <div key={`label-${i}`} className="cell label" style={bordered(label)}>
          {label.text}
        </div>
      ))}
      {cells.map((cell, i) => (
        <div key={`cell-${i}`} className="cell" style={bordered(cell)} />
      ))}
      {sheet.names.map((cell) => {
        const name = props.candidates[cell.candidate] ?? '';
        const size = nameSizeFor(name, geometry.sizes);
        return (
          <div
            key={`name-${cell.candidate}`}
            className="cell name"
            style={{ ...bordered(cell), fontSize: `${size}pt` }}
          >
            {name}
          </div>
        );
      })}
    </>
  );
}

/** The QR's modules as one path, the rectangle exactly the code's: no quiet zone inside it. */
function RoundCode({ rect, text }: { rect: Rect; text: string }) {
  const qr = encode(text, { ecc: PRINTED_ECC, border: 0 });
  const path = qr.data
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
    .join('');
  return (
    <svg
      className="round-code"
      style={box(rect)}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
      aria-label="本轮选票识别码"
    >
      <path d={path} fill="#000" />
    </svg>
  );
}

function box(r: Rect): CSSProperties {
  return { left: `${r.x}mm`, top: `${r.y}mm`, width: `${r.w}mm`, height: `${r.h}mm` };
}

/** A cell's border is centred on its edge, as a ruled table's lines are. */
function bordered(r: Rect): CSSProperties {
  return box({ x: r.x - BORDER / 2, y: r.y - BORDER / 2, w: r.w + BORDER, h: r.h + BORDER });
}

const machineCss = `
@page { size: A4 portrait; margin: 0; }
.sheet { position: relative; width: ${A4.width}mm; height: ${A4.height}mm; overflow: hidden;
  break-after: page; }
.sheet:last-child { break-after: auto; }
.sheet > * { position: absolute; margin: 0; }
.registration { background: #000; }
.round-code { display: block; }
.colour { border: 0.4mm solid #000; font-size: 11pt; line-height: 7mm; letter-spacing: 0.1em;
  text-align: center; }
.header { text-align: center; }
.congress { font-size: 15pt; font-weight: 700; line-height: ${lines.congress.height}mm;
  letter-spacing: 0.05em; }
.election { font-size: 16pt; font-weight: 700; line-height: ${lines.election.height}mm; margin-top: 1.5mm; }
.heading { font-size: 28pt; font-weight: 900; line-height: ${lines.heading.height}mm;
  letter-spacing: 1em; text-indent: 1em; margin-top: 1.5mm; }
.seats { font-size: 12.5pt; line-height: ${lines.seats.height}mm; }
.seats strong { font-size: 14pt; padding: 0 0.5mm; }
.seats .count { margin-left: 6mm; }
.cell { border: ${BORDER}mm solid #000; display: flex; align-items: center; justify-content: center;
  text-align: center; }
.label { font-size: 10pt; line-height: 1.15; writing-mode: vertical-rl; letter-spacing: 0.2em; }
.name { font-weight: 700; line-height: 1.15; word-break: break-all; padding: 0 1mm; }
.caption { font-size: 10.5pt; line-height: ${lines.caption.height}mm; padding-top: ${lines.caption.above}mm;
  text-align: center; }
.instructions { border: ${BORDER}mm solid #000; padding: ${lines.instructions.padTop}mm 4mm 0;
  text-align: left; font-size: 10.5pt; line-height: ${lines.instructions.height}mm; }
.instructions h4 { margin: 0; text-align: center; font-size: 12pt; line-height: ${lines.instructions.title}mm;
  letter-spacing: 1em; text-indent: 1em; }
.page-line { font-size: 10pt; line-height: ${lines.page.height}mm; text-align: center; }
@media screen {
  body { width: ${A4.width}mm; min-height: 0; padding: 0; background: none; }
  .sheet { background: #fff; margin-bottom: 8mm; }
}
`;
