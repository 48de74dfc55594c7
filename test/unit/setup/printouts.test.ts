import { describe, expect, it } from 'vitest';
import { inspectPdf, positionsOf } from '../reports/pdfTools';
import {
  base64,
  committeeInStrokeOrder,
  rosterCsv,
  setupHarness,
  township,
  type SetupHarness,
} from './fixture';

const typed = [
  '吴斌',
  '田富',
  '王芳',
  '丁建国',
  '李华',
  '白雪',
  '卜秀英',
  '刘强',
  '于洋',
  '石磊',
  '刁明华',
];

async function ready(h: SetupHarness) {
  const congress = await h.must('congress.create', township);
  const roster = typed.map((name, i) => [
    name,
    i % 2 ? '女' : '男',
    '汉族',
    '1975.03',
    '大学本科',
    '一线',
    i < 5 ? '镇机关党委' : '东湖村党总支',
    `2025${String(i + 1).padStart(3, '0')}`,
  ]);
  await h.must('roster.import', {
    congressId: congress.id,
    fileName: '名册.csv',
    content: base64(rosterCsv(roster)),
    mode: 'all',
  });
  const election = await h.must('elections.create', {
    congressId: congress.id,
    title: '选举中国共产党东湖镇第十六届委员会委员',
    office: 'committee',
    seats: 9,
    ballotColour: '红色',
  });
  const roundId = election.rounds[0]?.id ?? 0;
  await h.must('elections.setCandidates', { roundId, candidates: typed.map((name) => ({ name })) });
  return { congress, roundId };
}

describe('printouts', () => {
  it('prints the ballot with the candidates in stroke order and marks the round printed', async () => {
    const h = await setupHarness();
    const { roundId } = await ready(h);
    const preview = await h.must('printouts.preview', { kind: 'ballot', roundId });
    expect(h.services.store.elections.roundById(roundId)?.state).toBe('draft');
    const printed = await h.must('printouts.pdf', { kind: 'ballot', roundId });
    expect(printed).toMatchObject({
      title: '选举中国共产党东湖镇第十六届委员会委员选票',
      fileName: '选举中国共产党东湖镇第十六届委员会委员选票.pdf',
      roundState: 'printed',
    });
    const pdf = inspectPdf('setup-ballot', Buffer.from(printed.pdf, 'base64'));
    expect(pdf.pages).toBe(1);
    const positions = positionsOf(pdf.text, committeeInStrokeOrder);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pdf.text).toMatch(/应选 9 名\s*候选人 11 名（按姓氏笔画为序）/);
    expect(pdf.text).toContain('红色');
    expect(preview.html).toContain('丁建国');
    const audit = h.services.store.db
      .prepare<[], { payload: string }>("SELECT payload FROM audit WHERE action = 'round.print'")
      .get();
    expect(JSON.parse(audit?.payload ?? '{}')).toMatchObject({ kind: 'ballot', roundId });
    // Printing again while printed is allowed: more copies of the same paper.
    expect((await h.must('printouts.pdf', { kind: 'ballot', roundId })).roundState).toBe('printed');
  });

  it('prints the sign-in sheet and the delegate cards from the roster', async () => {
    const h = await setupHarness();
    const { congress } = await ready(h);
    const excused = h.services.store.delegates.byCard(congress.id, '2025001');
    await h.must('delegates.excuse', { delegateId: excused?.id ?? 0, reason: '因病住院' });
    const sheet = await h.must('printouts.pdf', { kind: 'sign-in', congressId: congress.id });
    const text = inspectPdf('setup-sign-in', Buffer.from(sheet.pdf, 'base64')).text;
    expect(text).toContain('代表签到表');
    expect(text).toMatch(/镇机关党委（5 名）/);
    expect(text).toMatch(/东湖村党总支（6 名）/);
    expect(text).toContain('请假');
    const cards = await h.must('printouts.pdf', { kind: 'cards', congressId: congress.id });
    const cardText = inspectPdf('setup-cards', Buffer.from(cards.pdf, 'base64')).text;
    expect(cardText).toContain('2025011');
    expect(cardText.match(/代\s*表\s*证/g)).toHaveLength(11);
    const one = await h.must('printouts.preview', {
      kind: 'cards',
      congressId: congress.id,
      delegateIds: [excused?.id ?? 0],
    });
    expect(one.html.match(/class="card"/g)).toHaveLength(1);
    expect(h.auditActions().filter((a) => a === 'printout.print')).toHaveLength(2);
  });

  it('lets everyone preview, only the administrator print', async () => {
    const h = await setupHarness();
    const { roundId } = await ready(h);
    const scrutineer = await h.person('scrutineer');
    const preview = await h.call('printouts.preview', { kind: 'ballot', roundId }, scrutineer);
    expect(preview.ok).toBe(true);
    const pdf = await h.call('printouts.pdf', { kind: 'ballot', roundId }, scrutineer);
    expect(pdf.ok || pdf.error.code).toBe('forbidden');
    expect(h.services.store.elections.roundById(roundId)?.state).toBe('draft');
  });

  it('refuses a ballot whose candidates changed while it was printing, marking nothing', async () => {
    let change = () => undefined as unknown;
    const h = await setupHarness({
      printPdf: () => {
        change();
        return Promise.resolve(new TextEncoder().encode('%PDF-1.7'));
      },
    });
    const { roundId } = await ready(h);
    change = () =>
      h.services.store.transaction(() =>
        h.services.store.elections.replaceCandidates(
          roundId,
          [...typed, '孙丽'].map((name) => ({ name })),
        ),
      );
    const result = await h.call('printouts.pdf', { kind: 'ballot', roundId }, h.admin);
    expect(result.ok || result.error).toMatchObject({ code: 'conflict' });
    expect(result.ok || result.error.message).toContain('请重新打印');
    expect(h.services.store.elections.roundById(roundId)?.state).toBe('draft');
    expect(h.auditActions()).not.toContain('round.print');
  });

  it('refuses to print an empty roster, saying what to do', async () => {
    const h = await setupHarness();
    const congress = await h.must('congress.create', township);
    const result = await h.call(
      'printouts.pdf',
      { kind: 'sign-in', congressId: congress.id },
      h.admin,
    );
    expect(result.ok || result.error.message).toContain('请先导入名册');
  });
});
