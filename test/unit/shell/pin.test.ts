import { describe, expect, it } from 'vitest';
import { hashPin, lockoutSeconds, verifyPin } from '../../../core/platform/pin';
import { adminPin, servicesHarness } from './services-fixture';

describe('PIN hashing', () => {
  it('stores a salted scrypt hash that verifies only the same PIN', async () => {
    const first = await hashPin('4321');
    const second = await hashPin('4321');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('4321');
    expect(await verifyPin('4321', first)).toBe(true);
    expect(await verifyPin('4322', first)).toBe(false);
    expect(await verifyPin('43210', first)).toBe(false);
  });
});

describe('lock-out', () => {
  it('pauses after three wrong PINs, doubling from 30 s and capped at 15 minutes', () => {
    const waits = Array.from({ length: 12 }, (_, i) => lockoutSeconds(i + 1));
    expect(waits).toEqual([0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900, 900]);
  });

  it('refuses sign-in while paused, even with the right PIN, and doubles the next pause', async () => {
    const h = servicesHarness();
    await h.signedIn('admin');
    const adminId = 1;
    const signIn = (pin: string) => h.call('session.signIn', { personId: adminId, pin });

    expect((await signIn('0000')).ok).toBe(false);
    expect((await signIn('0001')).ok).toBe(false);
    const third = await signIn('0002');
    expect(third.ok || third.error).toEqual({
      code: 'locked-out',
      message: 'PIN 不正确。王管理 已连续输错 3 次，暂停登录 30 秒',
      retryAfterSeconds: 30,
    });

    h.advance(10_000);
    const paused = await signIn(adminPin);
    expect(paused.ok || paused.error).toMatchObject({ code: 'locked-out', retryAfterSeconds: 20 });

    h.advance(20_000);
    const fourth = await signIn('0003');
    expect(fourth.ok || fourth.error).toMatchObject({ code: 'locked-out', retryAfterSeconds: 60 });
    expect(fourth.ok || fourth.error.message).toContain('连续输错 4 次，暂停登录 60 秒');

    h.advance(60_000);
    expect((await signIn(adminPin)).ok).toBe(true);
    const again = await signIn('0004');
    expect(again.ok || again.error).toMatchObject({ code: 'wrong-pin', field: 'pin' });
  });

  it('says how many tries are left before the pause', async () => {
    const h = servicesHarness();
    await h.signedIn('admin');
    const first = await h.call('session.signIn', { personId: 1, pin: '9999' });
    expect(first.ok || first.error.message).toBe('PIN 不正确，再输错 2 次将暂停登录');
  });

  it('counts wrong PINs at the lock screen too', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    expect((await h.call('session.lock', {}, admin)).ok).toBe(true);
    for (const pin of ['1111', '2222']) await h.call('session.unlock', { pin }, admin);
    const third = await h.call('session.unlock', { pin: '3333' }, admin);
    expect(third.ok || third.error.code).toBe('locked-out');
    const status = await h.call('session.status', {}, admin);
    expect(status.ok && status.value.session?.locked).toBe(true);
  });

  it('lets parallel guesses past no more than the free attempts', async () => {
    const h = servicesHarness();
    await h.signedIn('admin');
    const guesses = Array.from({ length: 8 }, (_, i) => `${1000 + i}`);
    const results = await Promise.all(
      guesses.map((pin) => h.call('session.signIn', { personId: 1, pin })),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((code) => code === 'wrong-pin')).toHaveLength(2);
    expect(codes.filter((code) => code === 'locked-out')).toHaveLength(6);
    const attempts = h.services.store.people.byId(1)?.failedAttempts;
    expect(attempts).toBe(3);
  });

  it('audits sign-in, wrong PINs and the lock-out, never the PIN itself', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    const added = await h.call(
      'people.add',
      { name: '李计票', role: 'teller', pin: '86420' },
      admin,
    );
    const personId = added.ok ? added.value.id : 0;
    for (const pin of ['11111', '22222', '33333'])
      await h.call('session.signIn', { personId, pin });
    await h.call('session.signOut', {}, admin);

    expect(h.auditActions()).toEqual([
      'person.add',
      'session.signIn',
      'person.add',
      'session.wrongPin',
      'session.wrongPin',
      'session.lockedOut',
      'session.signOut',
    ]);
    const text = h.services.store.db
      .prepare<[], { t: string }>(
        "SELECT group_concat(payload || actor || role, '|') AS t FROM audit",
      )
      .get()?.t;
    for (const pin of [adminPin, '86420', '11111', '22222', '33333'])
      expect(text).not.toContain(pin);
  });
});
