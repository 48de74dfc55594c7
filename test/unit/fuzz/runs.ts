/**
 * How long the property-based tests run: a bounded number under `npm test`, many more under
 * `npm run fuzz` (FUZZ_RUNS=20000). The seed is fixed, so a failure is found again on every run;
 * fast-check prints the seed and path to replay it.
 */
export const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 100);

export const fuzzSeed = 20251126;
