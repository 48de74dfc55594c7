import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store';
import type { BallotEntry } from '../../shared/domain/paper-ballot';
import { seeded } from '../unit/db/fixtures';
import { nineOfEleven, seedCountingRound } from '../unit/entry/seed';
import { serve, type Served } from './harness';

const kills = 24;
const boxSize = 5000;
const dir = mkdtempSync(join(tmpdir(), 'ct-entry-crash-'));
const file = join(dir, 'congress.sqlite');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ballot at each place, fixed by its seq, so what was confirmed can be checked exactly. */
function paperAt(seq: number): BallotEntry {
  if (seq % 13 === 0) return { marks: '-'.repeat(11), writeIns: [], declaredInvalid: '无法辨认' };
  const marks = nineOfEleven.map((_n, i) => 'OX-?'.charAt((seq * 7 + i * 3) % 4)).join('');
  const writeIns: BallotEntry['writeIns'] =
    seq % 10 === 0
      ? [
          { name: '周涛', mark: 'O' },
          { name: '欧阳明', mark: seq % 20 === 0 ? '-' : 'O' },
        ]
      : seq % 5 === 0
        ? [{ name: '周涛', mark: 'O' }]
        : [];
  return { marks, writeIns, declaredInvalid: null };
}

/** What the store keeps of it: a declared-invalid ballot keeps only its reason. */
function storedAt(seq: number) {
  const paper = paperAt(seq);
  if (paper.declaredInvalid) {
    return { marks: paper.marks, invalidReason: paper.declaredInvalid, writeIns: [] };
  }
  return {
    marks: paper.marks,
    invalidReason: null,
    writeIns: paper.writeIns.map((w, slot) => ({ slot, ...w })),
  };
}

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { message: string };
}

function caller(served: Served) {
  return async (method: string, input: unknown, token: string | null = null): Promise<Reply> => {
    const response = await fetch(`${served.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `congress_tally_host=${served.key}` },
      body: JSON.stringify({ token, input }),
    });
    return (await response.json()) as Reply;
  };
}

async function killed(served: Served): Promise<void> {
  if (served.process.exitCode !== null || served.process.signalCode !== null) return;
  const exited = new Promise((done) => served.process.once('exit', done));
  served.process.kill('SIGKILL');
  await exited;
}

/** The teller's PIN-checked sign-in and their pass of the box, after a restart. */
async function resume(served: Served, tellerId: number, boxId: number) {
  const call = caller(served);
  const signed = await call('session.signIn', { personId: tellerId, pin: '1357' });
  const token = (signed.value as { token: string }).token;
  const opened = await call('entry.open', { boxId }, token);
  if (!opened.ok) throw new Error(opened.error?.message);
  const progress = (opened.value as { progress: { live: number; nextSeq: number } }).progress;
  return { call, token, progress };
}

describe('a loopback host killed while a teller enters ballots', () => {
  it(`loses no confirmed ballot and half-writes none, over ${kills} kills`, async () => {
    // People are made through the API (their PINs hashed as in the app), the round through the store.
    let served = await serve(file);
    let call = caller(served);
    const admin = await call('session.createFirstAdmin', { name: '王管理', pin: '246810' });
    const adminToken = (admin.value as { token: string }).token;
    const teller = await call(
      'people.add',
      { name: '张计票', role: 'teller', pin: '1357' },
      adminToken,
    );
    const tellerId = (teller.value as { id: number }).id;
    await killed(served);
    const store = openStore(file);
    const { round } = seedCountingRound(store, { returned: boxSize, issued: boxSize });
    const box = store.transaction(() =>
      store.ballots.createBox(round.id, { label: '1号箱', expected: boxSize }),
    );
    store.close();

    const random = seeded(4242);
    const confirmed = new Set<number>();
    let committed = 0;
    for (let run = 1; run <= kills; run += 1) {
      served = await serve(file);
      const { call: send, token, progress } = await resume(served, tellerId, box.id);
      // The service's count after the restart is the file's count after the last kill.
      expect(progress.live, `run ${run}: restart`).toBe(committed);
      call = send;
      const stop = { at: 5 + Math.floor(random() * 250) };
      // The kill is timed from the run's first commit, however long a busy machine takes to it.
      let timer: NodeJS.Timeout | undefined;
      let seq = progress.nextSeq;
      try {
        for (;;) {
          const reply = await call(
            'entry.commit',
            { boxId: box.id, seq, ballot: paperAt(seq) },
            token,
          );
          if (!reply.ok) throw new Error(`run ${run}: seq ${seq} refused: ${reply.error?.message}`);
          confirmed.add(seq);
          timer ??= setTimeout(() => void killed(served), stop.at);
          seq += 1;
        }
      } catch (error) {
        // Only the connection dying ends the loop: a refused commit is a failure.
        if (error instanceof Error && error.message.startsWith(`run ${run}`)) throw error;
      }
      clearTimeout(timer);
      await killed(served);
      await delay(1);

      const after = openStore(file);
      try {
        const context = `run ${run}, killed ${stop.at} ms after its first commit`;
        expect(after.db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(after.audit.verify(), context).toMatchObject({ ok: true });
        const pass = after.ballots.passOf(box.id, 1);
        const live = pass ? after.ballots.live(pass.id) : [];
        const seqs = live.map((b) => b.seq);
        expect(seqs, context).toEqual(seqs.map((_s, i) => i + 1));
        for (const s of confirmed) expect(seqs.includes(s), `${context}: seq ${s}`).toBe(true);
        // At most the one commit in flight when the process died is there unconfirmed.
        expect(live.length - confirmed.size, context).toBeGreaterThanOrEqual(0);
        expect(live.length - confirmed.size, context).toBeLessThanOrEqual(1);
        // Whole: each ballot exactly as sent, its write-ins included; each with its audit row.
        expect(
          live.map(({ marks, invalidReason, writeIns }) => ({ marks, invalidReason, writeIns })),
          context,
        ).toEqual(seqs.map(storedAt));
        const audited = [...after.audit.rows()]
          .filter((row) => row.action === 'ballot.enter')
          .map((row) => (JSON.parse(row.payload) as { seq: number }).seq);
        expect(audited, context).toEqual(seqs);
        for (const s of seqs) confirmed.add(s);
        committed = live.length;
      } finally {
        after.close();
      }
    }
    // Meaningful only if ballots were committed between kills.
    expect(committed).toBeGreaterThan(kills);
  });
});
