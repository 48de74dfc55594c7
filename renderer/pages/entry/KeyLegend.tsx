import { memo } from 'react';
import { keyLegend } from './entry-keys';
import './key-legend.css';

/** Every key of the entry screen on screen, as keycaps: nothing to remember, nothing to look up. */
export const KeyLegend = memo(function KeyLegend(props: {
  legend?: readonly { keys: readonly string[]; label: string }[];
  label?: string;
}) {
  return (
    <dl className="key-legend" aria-label={props.label ?? '录入按键'}>
      {(props.legend ?? keyLegend).map(({ keys, label }) => (
        <div key={label} className="key-legend-row">
          <dt>
            {keys.map((key) => (
              <kbd key={key}>{key}</kbd>
            ))}
          </dt>
          <dd>{label}</dd>
        </div>
      ))}
    </dl>
  );
});
