import { describe, expect, it } from 'vitest';
import { buildResultSheet } from '../../../core/reports/result-sheets';
import type { ResultsDocument } from '../../../shared/export/results';
import { verdictOf } from '../export/exported';
import { entriesOf, json, packageIn, printWithSharedChromium, tempDir } from '../export/fixture';
import { parseRound, tallyRound } from '../../../shared/tally';
import { resultsHarness, times } from './fixture';

const seed = { seats: 3, candidates: ['丁一', '王二', '李三', '张四'], entitled: 10, present: 10 };
const writeIn = { name: '孙五', mark: 'O' as const };
/** 丁一 10, 王二 7, 孙五 (written in) 7, 李三 3: three names pass for three seats. */
const ballots = [...times(7, { marks: 'OO--', writeIns: [writeIn] }), ...times(3, 'O-O-')];
const reason = '经核对党员名册，孙五系外镇党员，不是本镇正式党员';

async function countedWithWriteIn() {
  const h = await resultsHarness(seed);
  await h.vote(h.formalRoundId);
  await h.enter(h.formalRoundId, ballots);
  return h;
}

describe('an elected written-in name found ineligible', () => {
  it('is not elected; its seat is vacant, the shortfall path opens and certification goes ahead', async () => {
    const h = await countedWithWriteIn();
    const roundId = h.formalRoundId;
    const before = await h.roundResults(roundId);
    expect(before.elected).toEqual(['丁一', '王二', '孙五']);
    expect(before.certifyBlocked).toContain('孙五');

    const finding = { roundId, name: '孙五', note: reason, eligible: false };
    const teller = await h.call('results.confirmEligibility', finding, h.teller.token);
    expect(teller.ok || teller.error.code).toBe('forbidden');
    const found = await h.must('results.confirmEligibility', finding, h.scrutineer.token);
    expect(found.elected).toEqual(['丁一', '王二']);
    expect(found.vacancies).toBe(1);
    expect(found.names.find((n) => n.name === '孙五')).toMatchObject({
      for: 7,
      outcome: 'not-elected',
    });
    expect(found.names.find((n) => n.name === '孙五')?.explanation).toContain(
      '经监票人核实不具备被选举资格，不能当选，其名额空缺',
    );
    expect(found.eligibility).toMatchObject([
      { name: '孙五', confirmed: { by: '赵监票', note: reason, eligible: false } },
    ]);
    expect(found.certifyBlocked).toBeNull();
    const again = await h.call('results.confirmEligibility', finding, h.scrutineer.token);
    expect(again.ok || again.error.message).toBe('孙五 已由 赵监票 认定不具备被选举资格');
    expect(h.auditActions()).toContain('round.ineligible');

    const certified = await h.certify(roundId);
    expect(certified.elected).toEqual(['丁一', '王二']);
    const { followUp } = certified;
    if (followUp.kind !== 'shortfall') throw new Error(`no shortfall path: ${followUp.kind}`);
    // The seat left by 孙五 is open; a 另行选举 may list the unelected names, not 孙五.
    expect([followUp.vacancies, followUp.seats, followUp.round]).toEqual([1, 1, null]);
    expect(followUp.eligible).toEqual(['李三', '张四']);
    // The hall's screen lists only the elected, and says a vacancy still follows.
    await h.must('results.announce', { roundId }, h.scrutineer.token);
    const shown = await h.must('results.announcement', {}, h.scrutineer.token);
    expect(shown?.elected).toEqual(['丁一', '王二']);
    expect(JSON.stringify(shown)).not.toMatch(/孙五[^"]*当选/);
    // The chair may instead reduce the seats: that path opens as for any shortfall.
    await h.must(
      'results.reduceSeats',
      { roundId, seatsAfter: 2, decidedBy: '大会主席团', reason: '另选人不具备资格，减少一名' },
      h.chief.token,
    );
    const overview = await h.must('results.overview', { electionId: h.election.id }, h.admin.token);
    expect(overview.elected.map((e) => e.name)).toEqual(['丁一', '王二']);

    const sheet = buildResultSheet(h.store, { electionId: h.election.id });
    if (!sheet.ok) throw new Error(sheet.error.message);
    const text = sheet.value.report.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const list = /当选名单（[^）]*，共 (\d+) 名）： ([^<]*?)(?: 第| 监票人|$)/.exec(text);
    expect(list?.[1]).toBe('2');
    expect(text).not.toMatch(/当选名单[^。]*孙五/);
    expect(text).toContain(
      `另选他人 孙五 经监票人核实不具备被选举资格（${reason}），不当选，其名额空缺`,
    );
  });

  it('is refused for a name the round did not elect, and in words for a certified round', async () => {
    const h = await countedWithWriteIn();
    const roundId = h.formalRoundId;
    const stranger = await h.call(
      'results.confirmEligibility',
      { roundId, name: '李三', note: reason, eligible: false },
      h.scrutineer.token,
    );
    expect(stranger.ok || stranger.error.field).toBe('name');
    await h.must(
      'results.confirmEligibility',
      { roundId, name: '孙五', note: '经核对，系本镇正式党员' },
      h.scrutineer.token,
    );
    await h.certify(roundId);
    const late = await h.call(
      'results.confirmEligibility',
      { roundId, name: '孙五', note: reason, eligible: false },
      h.scrutineer.token,
    );
    expect(late.ok || late.error.message).toContain('只有已计票、尚未签核的轮次才记录资格核实');
  });
});

describe('the results package', () => {
  it('states the finding, and its recount from the ballots gives the same result', async () => {
    const h = await countedWithWriteIn();
    printWithSharedChromium(h);
    const roundId = h.formalRoundId;
    const finding = { roundId, name: '孙五', note: reason, eligible: false };
    await h.must('results.confirmEligibility', finding, h.scrutineer.token);
    await h.certify(roundId);
    const folder = tempDir();
    await h.must('export.package', { congressId: h.congress.id, folder }, h.chief.token);
    const { bytes } = packageIn(folder);
    const results = json<ResultsDocument>(entriesOf(bytes), 'results.json');
    const round = results.elections[0]?.rounds[0];
    expect(round?.parameters.ineligible).toEqual(['孙五']);
    expect(round?.result.elected).toEqual(['丁一', '王二']);
    expect(round?.eligibility).toMatchObject([{ name: '孙五', eligible: false, note: reason }]);
    const verdict = verdictOf(bytes);
    expect(verdict.ok || verdict.reason).toBe(true);
    expect(verdict.ok && verdict.summary.elections[0]?.elected).toEqual(['丁一', '王二']);
  });
});

describe('the engine with an ineligible written-in name', () => {
  const tenVoters = { electorate: { entitled: 10, present: 10 }, issued: 10, returned: 10 };
  const input = {
    ...tenVoters,
    profile: 'party-grassroots',
    seats: 2,
    candidates: ['丁一', '王二', '李三'],
    ballots: [
      { n: 8, marks: 'O--', writeIns: [{ name: '孙五', mark: 'O' }] },
      { n: 2, marks: '-OO' },
    ],
  };

  it('leaves the seat vacant rather than passing it down, and proposes a 另行选举 without the name', () => {
    const parsed = parseRound({ ...input, ineligible: ['孙五'] });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = tallyRound(parsed.value);
    expect(result.elected).toEqual(['丁一']);
    expect(result.vacancies).toBe(1);
    expect(result.supplementary?.candidates).not.toContain('孙五');
    expect(result.warnings.map((w) => w.code)).not.toContain('eligibility');
    const plain = parseRound(input);
    if (!plain.ok) throw new Error(plain.error.message);
    expect(tallyRound(plain.value).elected).toEqual(['丁一', '孙五']);
  });

  it('refuses a listed candidate as ineligible: only a written-in name is found so here', () => {
    const parsed = parseRound({ ...input, ineligible: ['王二'] });
    expect(parsed.ok || parsed.error.message).toBe(
      'ineligible: 王二 是候选人，只有另选他人才能记为不具备被选举资格',
    );
  });
});
