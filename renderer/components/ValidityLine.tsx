import type { Validity } from '../../shared/api/checkin';
import './validity.css';

/** Whether the meeting may elect, with the numbers and the rule; for turnout rules, what will apply. */
export function ValidityLine({ validity, frozen }: { validity: Validity; frozen?: boolean }) {
  const state = validity.met === null ? 'pending' : validity.met ? 'met' : 'unmet';
  const note =
    validity.basis === 'turnout' && validity.met === null && !frozen ? '到会人数仅供参考；' : '';
  return (
    <div className={`validity ${state}`} data-testid="validity" data-state={state}>
      <div className="validity-text">
        {state === 'met' ? '✓ ' : state === 'unmet' ? '✕ ' : ''}
        {validity.text}
      </div>
      <div className="validity-rule">
        {note}依据：{validity.rule}
      </div>
    </div>
  );
}
