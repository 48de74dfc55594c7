import { keyLegend } from './entry-keys';
import './key-legend.css';

/** Every key of the entry screen on screen, as keycaps: nothing to remember, nothing to look up. */
export function KeyLegend() {
  return (
    <dl className="key-legend" aria-label="录入按键">
      {keyLegend.map(({ keys, label }) => (
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
}
