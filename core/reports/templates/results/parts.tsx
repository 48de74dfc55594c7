/** What the export prints on a result sheet to tie the paper to the signed results package. */
export interface Seal {
  /** The digest of the package's manifest, in short form (3F2A 9C01 …). */
  digest: string;
  /** Which digest: SHA-256, or SM3 for a package signed with SM2 (国密). */
  digestAlgorithm: 'SHA-256' | 'SM3';
  /** The signing key's fingerprint. */
  fingerprint: string;
  /** The same as a QR code, as an SVG element's markup. */
  qrSvg: string;
}

export function SheetTitle({ congressName, title }: { congressName: string; title: string }) {
  return (
    <header className="sheet-title">
      <h1>{congressName}</h1>
      <h2>{title}</h2>
    </header>
  );
}

/**
 * The bordered box for the export's digest and key fingerprint. Until the congress is exported it
 * says where they will go: a result sheet printed before the export carries no digest, and must
 * not look as if it did.
 */
export function SealBox({ seal }: { seal?: Seal | undefined }) {
  return (
    <section className="seal" aria-label="结果包摘要与签名公钥指纹">
      <h3>结果包摘要与签名公钥指纹</h3>
      {seal ? (
        <div className="seal-body">
          <div className="seal-text">
            <p>
              <span className="seal-label">{seal.digestAlgorithm} 摘要</span>
              <code>{seal.digest}</code>
            </p>
            <p>
              <span className="seal-label">签名公钥指纹</span>
              <code>{seal.fingerprint}</code>
            </p>
          </div>
          <div className="seal-qr" dangerouslySetInnerHTML={{ __html: seal.qrSvg }} />
        </div>
      ) : (
        <p className="seal-empty">导出后在此打印结果包摘要与签名公钥指纹</p>
      )}
    </section>
  );
}

/** "本结果曾于 … 解锁重核，理由：…" — on every report printed after an unlock. */
export function UnlockNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <section className="unlocks" aria-label="解锁重核记录">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </section>
  );
}

/** The 总监票人's line to sign on, right-aligned, then the date (styled by each report's `.list-sign`). */
export function ChiefSignLine({ date }: { date: string }) {
  return (
    <section className="list-sign">
      <p>
        总监票人（签名）：
        <span className="sign-line" />
      </p>
      <p>{date}</p>
    </section>
  );
}

export interface Signatories {
  /** The 总监票人 who certified; null prints a blank line to fill in. */
  chief: string | null;
  scrutineers: readonly string[];
  tellers: readonly string[];
}

/** One line to sign on per person, the printed name beside it, two to a row; then the date. */
export function SignatureBlock({ people, date }: { people: Signatories; date: string }) {
  const lines = [
    { role: '总监票人', name: people.chief ?? '' },
    ...orBlank(people.scrutineers).map((name) => ({ role: '监票人', name })),
    ...orBlank(people.tellers).map((name) => ({ role: '计票人', name })),
  ];
  return (
    <section className="signers" aria-label="签名">
      {lines.map(({ role, name }, i) => (
        <p className="sign-cell" key={`${role}-${name}-${i}`}>
          <span className="sign-role">{role}</span>
          <span className="sign-name">{name}</span>
          <span className="sign-line" />
        </p>
      ))}
      <p className="signers-date">{date}</p>
    </section>
  );
}

/** Two blank lines where nobody is known yet, to sign by hand. */
function orBlank(names: readonly string[]): readonly string[] {
  return names.length > 0 ? names : ['', ''];
}

export const partsCss = `
.sheet-title { text-align: center; margin-bottom: 6mm; }
.sheet-title h1 { font-size: 14pt; font-weight: 700; }
.sheet-title h2 { font-size: 22pt; font-weight: 900; letter-spacing: 0.2em; margin-top: 1.5mm; }
.seal { border: 0.4mm solid #000; padding: 2mm 4mm; margin-top: 3mm; break-inside: avoid;
  min-height: 20mm; }
.seal h3 { font-size: 10.5pt; font-weight: 700; margin-bottom: 2mm; }
.seal-empty { color: #444; font-size: 10.5pt; text-align: center; padding: 2mm 0; letter-spacing: 0.05em; }
.seal-body { display: flex; gap: 4mm; align-items: center; }
.seal-text { flex: 1; font-size: 9pt; }
.seal-text p { margin: 1mm 0; }
.seal-label { display: inline-block; width: 24mm; font-weight: 700; }
.seal-text code { font-family: 'DejaVu Sans Mono', 'Consolas', monospace; word-break: normal;
  overflow-wrap: anywhere; }
.seal-qr { width: 26mm; height: 26mm; flex: none; }
.seal-qr svg { width: 100%; height: 100%; }
.unlocks { margin-top: 4mm; border: 0.4mm solid #000; padding: 2mm 4mm; break-inside: avoid; }
.unlocks p { font-size: 11pt; font-weight: 700; line-height: 1.7; }
.signers { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 5mm; margin-top: 3mm;
  break-inside: avoid; font-size: 11pt; }
.sign-cell { display: flex; align-items: flex-end; min-width: 0; }
.sign-role { white-space: nowrap; }
.sign-role::after { content: '（签名）：'; font-size: 9pt; }
.sign-name { font-size: 9pt; color: #333; margin-right: 1mm; white-space: nowrap; }
.sign-line { flex: 1; min-width: 14mm; border-bottom: 0.3mm solid #000; height: 6.5mm; }
.signers-date { grid-column: 1 / -1; text-align: right; }
`;
