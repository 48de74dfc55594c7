// Times the engine on 1,000,000 individual ballots × 10 candidates. Not a test: run it by hand,
//   npx esbuild test/unit/tally/timing.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=dist/timing.mjs && node dist/timing.mjs
import { ballotRules, countBallots, type Ballot } from '../../../shared/tally';

const candidates = Array.from({ length: 10 }, (_, i) => `候选人${i}`);
const seats = 7;
const symbols = 'OOOOX-?';

// A fixed linear congruential sequence, so every run times the same ballots.
let state = 12345;
const next = () => (state = (state * 1103515245 + 12345) % 2147483648);

const ballots: Ballot[] = Array.from({ length: 1_000_000 }, (_, i) => {
  if (i % 997 === 0) return { invalid: true };
  let marks = '';
  for (let c = 0; c < candidates.length; c++) marks += symbols.charAt(next() % symbols.length);
  return i % 101 === 0 ? { marks, writeIns: [{ name: '另选人', mark: 'O' }] } : { marks };
});

const rules = ballotRules(candidates, seats);
const times: number[] = [];
for (let run = 0; run < 12; run++) {
  const started = performance.now();
  const tally = countBallots(rules, ballots);
  times.push(performance.now() - started);
  if (run === 0) console.log({ valid: tally.valid, invalid: tally.invalid });
}
const measured = times.slice(2).sort((a, b) => a - b);
const median = measured[Math.floor(measured.length / 2)] ?? NaN;
console.log(
  `1M ballots × 10 candidates: median ${median.toFixed(1)} ms over ${measured.length} runs`,
);
