import { openServices } from '../../../core/platform/open';

/*
 * Run by entry-disk-full.test.ts under a file-size limit: a teller commits ballots into the box
 * until the services refuse one, then prints how many were saved and what the refusal said.
 */
const [file = '', max = '0'] = process.argv.slice(2);
const services = openServices({
  file,
  display: { openProjector: () => false },
  network: () => ({ connected: false, interfaces: [] }),
  log: { error: () => undefined },
});
const { store } = services;
const teller = store.people.list().find((p) => p.role === 'teller');
const box = store.db.prepare<[], { id: number }>('SELECT id FROM box ORDER BY id LIMIT 1').get();
if (!teller || !box) throw new Error('the test database has no teller or no box');
const token = services.context.sessions.open(teller).token;
const opened = await services.dispatch('entry.open', { boxId: box.id }, token);
if (!opened.ok) throw new Error(opened.error.message);
let seq = (opened.value as { progress: { nextSeq: number } }).progress.nextSeq;
let committed = 0;
let refusal: unknown = null;
while (committed < Number(max)) {
  const ballot = {
    marks: '-OX',
    writeIns: [{ name: `另选人${seq}`, mark: 'O' }],
    declaredInvalid: null,
  };
  const result = await services.dispatch('entry.commit', { boxId: box.id, seq, ballot }, token);
  if (!result.ok) {
    refusal = result.error;
    break;
  }
  committed += 1;
  seq += 1;
}
// No close: a process that has just failed to write does not get to tidy up either.
process.stdout.write(JSON.stringify({ committed, refusal }));
