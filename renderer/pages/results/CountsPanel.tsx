import type { RoundResults } from '../../../shared/api/results';

/** The round's figures in one row, and the threshold with its base. */
export function CountsPanel({ results }: { results: RoundResults }) {
  const { ballots } = results;
  const figures: { label: string; value: number | null; unit: string }[] = [
    { label: '应选', value: results.round.seats, unit: '名' },
    ...(results.basis === 'attendance'
      ? [
          { label: '应到会有选举权', value: results.entitled, unit: '人' },
          { label: '实到会有选举权', value: results.present, unit: '人' },
        ]
      : [{ label: '登记选民', value: results.entitled, unit: '人' }]),
    { label: '发出选票', value: ballots.issued, unit: '张' },
    { label: '收回选票', value: ballots.returned, unit: '张' },
    { label: '有效票', value: ballots.valid, unit: '张' },
    { label: '无效票', value: ballots.invalid, unit: '张' },
  ];
  return (
    <>
      <dl className="results-figures" data-testid="results-figures">
        {figures.map((f) => (
          <div key={f.label} className="results-figure">
            <dt>{f.label}</dt>
            <dd>
              <strong>{f.value ?? '—'}</strong>
              {f.value !== null && <span>{f.unit}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className={`results-threshold ${results.status}`} data-testid="threshold">
        {results.threshold ? results.threshold.text : results.thresholdNote}
      </p>
    </>
  );
}
