import type { StoredBallot } from '../../../shared/domain/paper-ballot';
import './compact-ballot.css';

const glyphs: Record<string, string> = { O: '○', X: '×', '-': '·', '?': '?' };

/** One ballot on one line: ○×·? per candidate in ballot order, write-ins, and its verdict. */
export function CompactBallot({ ballot }: { ballot: StoredBallot }) {
  const declared = ballot.invalidReason !== null && /^-*$/.test(ballot.marks);
  return (
    <span className="compact-ballot">
      {!declared && (
        <span className="compact-marks" aria-label={`符号 ${ballot.marks}`}>
          {[...ballot.marks].map((m) => glyphs[m] ?? m).join('')}
        </span>
      )}
      {ballot.writeIns.map((w, i) => (
        <span key={i} className="compact-writein">
          另选 {w.name}
          {w.mark === 'O' ? '○' : '（未画）'}
        </span>
      ))}
      {ballot.invalidReason !== null && (
        <span className="compact-invalid">废票：{ballot.invalidReason}</span>
      )}
    </span>
  );
}
