export interface SignatureLinesProps {
  /** Who signs, in order; the result sheets use the default. */
  roles?: readonly string[];
}

const defaultRoles = ['总监票人', '监票人', '计票人'];

/** Blank lines to sign on and a date to fill in by hand, for the printed result sheets. */
export function SignatureLines({ roles = defaultRoles }: SignatureLinesProps) {
  return (
    <div className="signatures">
      {roles.map((role) => (
        <p className="signature" key={role}>
          <span className="signature-role">{role}（签名）：</span>
          <span className="signature-line" />
        </p>
      ))}
      <p className="signature-date">
        <span className="signature-blank" />年<span className="signature-blank short" />月
        <span className="signature-blank short" />日
      </p>
    </div>
  );
}

export const signatureCss = `
.signatures { margin-top: 12mm; break-inside: avoid; }
.signature { display: flex; align-items: flex-end; margin-top: 8mm; font-size: 12pt; }
.signature-role { white-space: nowrap; }
.signature-line { flex: 1; max-width: 90mm; border-bottom: 0.3mm solid #000; height: 7mm; }
.signature-date { margin-top: 10mm; text-align: right; font-size: 12pt; }
.signature-blank { display: inline-block; width: 18mm; border-bottom: 0.3mm solid #000; }
.signature-blank.short { width: 10mm; }
`;
