import { Barcode } from './Barcode';
import { ReportDocument } from './ReportDocument';
import { sansStack } from './styles';

export interface CardDelegate {
  name: string;
  unit: string;
  cardNo: string;
}

export interface DelegateCardsProps {
  congressName: string;
  delegates: readonly CardDelegate[];
}

const cardsPerPage = 8;

/** 代表证: eight cards to an A4 sheet, cut along the dashed lines; the barcode is the card number. */
export function DelegateCards({ congressName, delegates }: DelegateCardsProps) {
  const pages: CardDelegate[][] = [];
  for (let i = 0; i < delegates.length; i += cardsPerPage) {
    pages.push(delegates.slice(i, i + cardsPerPage));
  }
  return (
    <ReportDocument title={`${congressName}代表证`} css={cardsCss}>
      {pages.map((page, p) => (
        <section className="card-page" key={p}>
          {page.map((d) => (
            <Card key={d.cardNo} congressName={congressName} delegate={d} />
          ))}
        </section>
      ))}
    </ReportDocument>
  );
}

function Card({ congressName, delegate }: { congressName: string; delegate: CardDelegate }) {
  return (
    <article className="card">
      <header className="card-band">{congressName}</header>
      <h1 className="card-title">代表证</h1>
      <p className="card-name">{delegate.name}</p>
      <p className="card-unit">{delegate.unit}</p>
      <footer className="card-code">
        <Barcode value={delegate.cardNo} maxWidthMm={62} heightMm={9} />
        <p className="card-no">{delegate.cardNo}</p>
      </footer>
    </article>
  );
}

const cardsCss = `
@page { margin: 10mm; }
@media screen { body { padding: 10mm; } }
.card-page { display: grid; grid-template-columns: 90mm 90mm; grid-auto-rows: 66mm;
  column-gap: 9mm; row-gap: 3mm; justify-content: center; break-after: page; }
.card-page:last-child { break-after: auto; }
.card { position: relative; border: 0.3mm dashed #888; overflow: hidden; text-align: center;
  display: flex; flex-direction: column; }
.card-band { background: #c8161d; color: #fff; font-size: 11pt; font-weight: 700; letter-spacing: 0.05em;
  padding: 2.4mm 3mm; line-height: 1.3; border-bottom: 0.8mm solid #e6b422; }
.card-title { color: #c8161d; font-size: 20pt; font-weight: 900; letter-spacing: 0.5em; text-indent: 0.5em;
  margin-top: 2mm; line-height: 1.2; }
.card-name { font-size: 20pt; font-weight: 700; letter-spacing: 0.1em; margin-top: 1.5mm; line-height: 1.2; }
.card-unit { font-family: ${sansStack}; font-size: 10pt; color: #222; margin-top: 0.5mm; line-height: 1.3;
  padding: 0 4mm; }
.card-code { margin-top: auto; padding-bottom: 2mm; }
.card-code .barcode { display: block; margin: 0 auto; }
.card-no { font-family: ${sansStack}; font-size: 10pt; letter-spacing: 0.15em; line-height: 1.2; margin-top: 0.5mm; }
.barcode-missing { font-size: 9pt; color: #c8161d; }
`;
