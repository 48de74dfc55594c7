import { describe, expect, it } from 'vitest';
import { ballot, openBox, scan, scanHarness, submit, votes, type ScanSeeded } from './fixture';

function auditOf(h: ScanSeeded, action: string): Record<string, unknown>[] {
  return h.store.db
    .prepare<[string], { payload: string }>(
      'SELECT payload FROM audit WHERE action = ? ORDER BY seq',
    )
    .all(action)
    .map((row) => JSON.parse(row.payload) as Record<string, unknown>);
}

async function twoSheets(h: ScanSeeded) {
  const boxId = await openBox(h, '一号箱', 10);
  const files = [
    await scan(h.paper, 'jpeg', [votes.tick]),
    await scan(h.paper, 'jpeg', [votes.writeIn]),
  ];
  const intake = await h.must('scan.submitFiles', { boxId, files }, h.tellerA.token);
  return { boxId, sheets: intake.sheets };
}

describe('the audit log of a scanned pass', () => {
  it('keeps what the machine read of each page and what the teller changed on confirming', async () => {
    const h = await scanHarness();
    const { boxId, sheets } = await twoSheets(h);
    const [tick, written] = sheets;
    if (!tick || !written) throw new Error('two sheets expected');

    expect(auditOf(h, 'ballot.scan-read')).toMatchObject([
      {
        boxId,
        pass: 1,
        sheet: tick.id,
        page: 1,
        image: tick.pages[0]?.image,
        status: 'review',
        reason: null,
        marks: 'OOO?OOOOO--',
      },
      {
        sheet: written.id,
        image: written.pages[0]?.image,
        status: 'read',
        marks: 'OOOOOOOO--X',
        writeIns: [
          { slot: 0, ink: true, mark: 'O' },
          { slot: 1, ink: false, mark: '-' },
          { slot: 2, ink: false, mark: '-' },
        ],
      },
    ]);

    // The teller reads the tick as ×; the written name is keyed as it stands.
    await h.must(
      'scan.confirm',
      { sheetId: tick.id, ballot: ballot('OOOXOOOOO--') },
      h.tellerA.token,
    );
    const named = ballot('OOOOOOOO--X', { writeIns: [{ name: '周涛', mark: 'O' }] });
    await h.must('scan.confirm', { sheetId: written.id, ballot: named }, h.tellerA.token);

    expect(h.auditActions().slice(-6)).toEqual([
      'ballot.scan-read',
      'ballot.scan-read',
      'ballot.enter',
      'ballot.scan-confirm',
      'ballot.enter',
      'ballot.scan-confirm',
    ]);
    expect(auditOf(h, 'ballot.scan-confirm')).toMatchObject([
      {
        boxId,
        pass: 1,
        seq: 1,
        sheet: tick.id,
        images: [tick.pages[0]?.image],
        machine: { marks: 'OOO?OOOOO--' },
        changed: {
          candidates: [{ candidate: 3, name: '于洋', machine: '?', teller: 'X' }],
          writeIns: [],
          declaredInvalid: null,
        },
      },
      { seq: 2, sheet: written.id, changed: { candidates: [], writeIns: [] } },
    ]);
    expect(auditOf(h, 'ballot.enter').map((e) => e['marks'])).toEqual([
      'OOOXOOOOO--',
      'OOOOOOOO--X',
    ]);
  });

  it('records a written name the machine missed as the teller’s change', async () => {
    const h = await scanHarness();
    const { sheets } = await twoSheets(h);
    const [tick, written] = sheets;
    if (!tick || !written) throw new Error('two sheets expected');
    await h.must('scan.refuse', { sheetId: tick.id, reason: '票面污损' }, h.tellerA.token);
    const named = ballot('OOOOOOOO--X', {
      writeIns: [
        { name: '周涛', mark: 'O' },
        { name: '欧阳明', mark: '-' },
      ],
    });
    await h.must('scan.confirm', { sheetId: written.id, ballot: named }, h.tellerA.token);
    const [confirmed] = auditOf(h, 'ballot.scan-confirm');
    expect(confirmed?.['changed']).toMatchObject({
      writeIns: [{ slot: null, machine: null, teller: { written: true, mark: '-' } }],
    });
    expect(auditOf(h, 'ballot.scan-refuse')).toMatchObject([
      { sheet: tick.id, reason: '票面污损' },
    ]);
  });
});

describe('who may scan into a pass', () => {
  it('lets only the teller of the pass submit, see and confirm its sheets', async () => {
    const h = await scanHarness();
    const { boxId, sheets } = await twoSheets(h);
    const sheetId = sheets[0]?.id ?? 0;
    const file = await scan(h.paper, 'png', [votes.allNine]);

    expect(await submit(h, boxId, h.scrutineer.token, [file])).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: '此操作仅限计票人，当前登录的是监票人' },
    });
    expect(await submit(h, boxId, h.tellerB.token, [file])).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: '票箱“一号箱”的第一遍由 张计票 录入；每位计票人只能录入自己的一遍',
      },
    });
    expect(await h.call('scan.sheets', { boxId }, h.tellerB.token)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: '票箱“一号箱”还没有您的录入' },
    });
    expect(await h.call('scan.sheets', { boxId, pass: 1 }, h.tellerB.token)).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: '票箱“一号箱”的第一遍不是您录入的；双人录入时两遍互不可见',
      },
    });
    expect(await h.call('scan.image', { sheetId }, h.tellerB.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const confirm = { sheetId, ballot: ballot('OOO-OOOOO--') };
    expect(await h.call('scan.confirm', confirm, h.tellerB.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await h.call('scan.confirmMany', { boxId, sheetIds: [sheetId] }, h.tellerB.token),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.call('scan.skip', { sheetId }, h.tellerB.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await h.call('scan.confirm', confirm, h.scrutineer.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: '此操作仅限计票人，当前登录的是监票人' },
    });

    // The scrutineers watch the pass: they see its sheets and images, and change nothing.
    const seen = await h.must('scan.sheets', { boxId }, h.scrutineer.token);
    expect(seen.sheets.map((s) => s.status)).toEqual(['pending', 'pending']);
    const image = await h.must('scan.image', { sheetId }, h.chief.token);
    expect(image.digest).toBe(sheets[0]?.pages[0]?.image);
    expect(h.count('SELECT count(*) AS n FROM ballot')).toBe(0);
    expect(h.count("SELECT count(*) AS n FROM scan_reading WHERE status = 'pending'")).toBe(2);
  });
});
