import { describe, expect, it } from 'vitest';
import type { Congress } from '../../../db/congresses';
import { portion, validityOf } from '../../../core/checkin/validity';
import { MORE_THAN_TWO_THIRDS, AT_LEAST_FOUR_FIFTHS } from '../../../shared/tally/shares';
import type { ProfileId } from '../../../shared/tally/types';
import { checkIn, congressWith, dayHarness } from './fixture';

function congress(profile: ProfileId, options: Record<string, unknown> = {}): Congress {
  return {
    id: 1,
    name: '测试大会',
    term: '',
    organiser: '',
    venue: '',
    heldOn: '2025-06-18',
    profile,
    options,
    ballotInstructions: '',
    machineReadable: false,
    structureTargets: [],
    createdAt: '2025-06-01T00:00:00Z',
    archivedAt: null,
  };
}

const at = (c: Congress, entitled: number, present: number) =>
  validityOf(c, { entitled, present, returned: null });

describe('the meeting’s validity under each profile, exactly at its bound', () => {
  it('party-grassroots, 2020 wording: 实到 not less than four fifths of 应到', () => {
    const c = congress('party-grassroots');
    expect(at(c, 200, 160)).toMatchObject({ met: true, required: 160, basis: 'attendance' });
    expect(at(c, 200, 160).text).toBe('实到 160 ≥ 应到 200 的五分之四 160，符合选举要求');
    expect(at(c, 200, 159).met).toBe(false);
    expect(at(c, 200, 159).text).toBe(
      '实到 159 < 应到 200 的五分之四 160，不符合选举要求（至少需 160 人）',
    );
    expect(at(c, 201, 161).text).toBe('实到 161 ≥ 应到 201 的五分之四 160.8，符合选举要求');
    expect(at(c, 201, 160).met).toBe(false);
    expect(at(c, 200, 170).rule).toBe('《中国共产党基层组织选举工作条例》');
  });

  it('party-grassroots, 1990 wording: more than four fifths', () => {
    const c = congress('party-grassroots', { quorum: 'more-than-4/5' });
    expect(at(c, 200, 160)).toMatchObject({ met: false, required: 161 });
    expect(at(c, 200, 160).text).toBe(
      '实到 160 ≤ 应到 200 的五分之四 160，不符合选举要求（至少需 161 人）',
    );
    expect(at(c, 200, 161).text).toBe('实到 161 > 应到 200 的五分之四 160，符合选举要求');
    expect(at(c, 200, 161).rule).toBe('《中国共产党基层组织选举工作暂行条例》');
  });

  it('party-local congress: more than half; plenary session: more than two thirds', () => {
    const local = congress('party-local');
    expect(at(local, 200, 100)).toMatchObject({ met: false, required: 101 });
    expect(at(local, 200, 101).text).toBe('实到 101 > 应到 200 的半数 100，符合选举要求');
    expect(at(local, 199, 100).text).toBe('实到 100 > 应到 199 的半数 99.5，符合选举要求');
    expect(at(local, 199, 99).met).toBe(false);
    const plenary = congress('party-local', { meeting: 'plenary' });
    expect(at(plenary, 200, 133)).toMatchObject({ met: false, required: 134 });
    expect(at(plenary, 200, 134).text).toBe('实到 134 > 应到 200 的三分之二 133⅓，符合选举要求');
    expect(at(plenary, 30, 20).met).toBe(false);
    expect(at(plenary, 30, 21).met).toBe(true);
    expect(at(plenary, 200, 134).rule).toBe('《中国共产党地方组织选举工作条例》第二十四条');
  });

  it('village and 人大: validity waits for the ballots returned, whatever the attendance', () => {
    const village = congress('village');
    const before = at(village, 300, 10);
    expect(before).toMatchObject({ basis: 'turnout', met: null, count: null, required: 151 });
    expect(before.text).toBe(
      '选举是否有效以收回的选票计：收回选票须超过登记选民 300 人的半数，即至少 151 张',
    );
    const after = validityOf(village, { entitled: 300, present: 10, returned: 151 });
    expect(after.text).toBe('收回选票 151 张 > 登记选民 300 人的半数 150，选举有效');
    expect(validityOf(village, { entitled: 300, present: 300, returned: 150 }).met).toBe(false);
    const deputies = congress('peoples-congress');
    expect(at(deputies, 1000, 0).text).toContain('选区登记选民 1000 人');
  });

  it('no one entitled is never a valid meeting', () => {
    expect(at(congress('party-grassroots'), 0, 0).met).toBe(false);
  });

  it('writes shares exactly', () => {
    expect(portion(200, AT_LEAST_FOUR_FIFTHS)).toBe('160');
    expect(portion(203, AT_LEAST_FOUR_FIFTHS)).toBe('162.4');
    expect(portion(100, MORE_THAN_TWO_THIRDS)).toBe('66⅔');
    expect(portion(101, MORE_THAN_TWO_THIRDS)).toBe('67⅓');
  });
});

describe('the desk’s indicator flips at the bound', () => {
  it('for a township congress of 10 entitled: 8 present is valid, 7 is not', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 10);
    const teller = await h.person('teller');
    await checkIn(h, teller, ids.slice(0, 7));
    const seven = await h.must('checkin.overview', { congressId }, teller);
    expect(seven.validity).toMatchObject({ met: false, count: 7, required: 8 });
    await checkIn(h, teller, ids.slice(7, 8));
    const eight = await h.must('checkin.overview', { congressId }, teller);
    expect(eight.validity.text).toBe('实到 8 ≥ 应到 10 的五分之四 8，符合选举要求');
    await h.must('checkin.undo', { delegateId: ids[7] ?? 0, reason: '扫错了代表证' }, teller);
    expect((await h.must('checkin.overview', { congressId }, teller)).validity.met).toBe(false);
  });
});
