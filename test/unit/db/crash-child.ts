// Bundled and run by crash.test.ts: enters ballots into the file named on the command line until
// it is killed, printing each ballot's seq only after its transaction has committed.
import { writeSync } from 'node:fs';
import { openStore } from '../../../db/store';
import { crashBallot, crashPass } from './crash-ballots';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-child <database file>');

const store = openStore(file);
const passId = crashPass(store);
for (;;) {
  const seq = store.transaction(() => {
    const next = store.ballots.nextSeq(passId);
    store.ballots.insert({ passId, seq: next, ...crashBallot(next) });
    store.audit.append({
      actor: '计票人',
      role: 'teller',
      action: 'ballot.enter',
      payload: { seq: next },
    });
    return next;
  });
  // Straight to the descriptor: process.stdout on a pipe is asynchronous on POSIX, and a line still
  // queued in the child when it is killed would count as a ballot committed but never reported.
  writeSync(1, `${seq}\n`);
}
