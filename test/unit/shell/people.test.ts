import { describe, expect, it } from 'vitest';
import { adminPin, servicesHarness } from './services-fixture';

describe('people', () => {
  it('creates the administrator once, on first run only', async () => {
    const h = servicesHarness();
    const before = await h.call('session.status', {});
    expect(before.ok && before.value).toEqual({ firstRun: true, session: null });

    const created = await h.call('session.createFirstAdmin', { name: ' 王管理 ', pin: adminPin });
    expect(created.ok && created.value.session).toEqual({
      personId: 1,
      name: '王管理',
      role: 'admin',
      locked: false,
    });

    const again = await h.call('session.createFirstAdmin', { name: '冒名', pin: '1111' });
    expect(again.ok || again.error.code).toBe('invalid-state');
    expect(h.count('person')).toBe(1);
    const after = await h.call('session.status', {}, created.ok ? created.value.token : null);
    expect(after.ok && after.value.firstRun).toBe(false);
    expect(after.ok && after.value.session?.name).toBe('王管理');
  });

  it('adds people with a role and lists them for sign-in, without their PIN hash', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    const added = await h.call(
      'people.add',
      { name: '张计票', role: 'teller', pin: '1234' },
      admin,
    );
    expect(added.ok && added.value).toMatchObject({
      name: '张计票',
      role: 'teller',
      active: true,
      lockedUntil: null,
    });
    expect(JSON.stringify(added)).not.toContain('scrypt');

    const list = await h.call('session.people', {});
    expect(list.ok && list.value).toEqual([
      { id: 1, name: '王管理', role: 'admin' },
      { id: 2, name: '张计票', role: 'teller' },
    ]);
  });

  it('refuses a second active person of the same name, naming the field', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    await h.call('people.add', { name: '张计票', role: 'teller', pin: '1234' }, admin);
    const twin = await h.call(
      'people.add',
      { name: '张计票', role: 'scrutineer', pin: '5678' },
      admin,
    );
    expect(twin.ok || twin.error).toMatchObject({ code: 'conflict', field: 'name' });
    expect(h.count('person')).toBe(2);
  });

  it('resets a PIN and lifts the lock-out', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    const added = await h.call(
      'people.add',
      { name: '李监票', role: 'scrutineer', pin: '1234' },
      admin,
    );
    const id = added.ok ? added.value.id : 0;
    for (const pin of ['0000', '0001', '0002'])
      await h.call('session.signIn', { personId: id, pin });
    const listed = await h.call('people.list', {}, admin);
    expect(listed.ok && listed.value.find((p) => p.id === id)?.lockedUntil).toBe(
      '2025-11-26T01:00:30.000Z',
    );

    const reset = await h.call('people.resetPin', { personId: id, pin: '9753' }, admin);
    expect(reset.ok && reset.value).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await h.call('session.signIn', { personId: id, pin: '1234' })).ok).toBe(false);
    expect((await h.call('session.signIn', { personId: id, pin: '9753' })).ok).toBe(true);
    expect(h.auditActions()).toContain('person.pinReset');
  });

  it('deactivates a person, ending their sessions, but never the last administrator', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    const teller = await h.signedIn('teller', '张计票');

    const self = await h.call('people.deactivate', { personId: 1 }, admin);
    expect(self.ok || self.error.code).toBe('invalid-state');

    const gone = await h.call('people.deactivate', { personId: 2 }, admin);
    expect(gone.ok && gone.value.active).toBe(false);
    const stale = await h.call('session.touch', {}, teller);
    expect(stale.ok || stale.error.code).toBe('unauthenticated');
    const signIn = await h.call('session.signIn', { personId: 2, pin: '1357' });
    expect(signIn.ok || signIn.error).toMatchObject({ code: 'not-found', field: 'personId' });

    const second = await h.call(
      'people.add',
      { name: '刘管理', role: 'admin', pin: '1357' },
      admin,
    );
    const secondId = second.ok ? second.value.id : 0;
    const signedSecond = await h.call('session.signIn', { personId: secondId, pin: '1357' });
    const secondToken = signedSecond.ok ? signedSecond.value.token : null;
    expect((await h.call('people.deactivate', { personId: 1 }, secondToken)).ok).toBe(true);
    const last = await h.call('people.deactivate', { personId: secondId }, secondToken);
    expect(last.ok || last.error.code).toBe('invalid-state');
  });

  it('lets a person change their own PIN with the current one', async () => {
    const h = servicesHarness();
    const teller = await h.signedIn('teller', '张计票');
    const wrong = await h.call('session.changePin', { currentPin: '0000', newPin: '8642' }, teller);
    expect(wrong.ok || wrong.error).toMatchObject({ code: 'wrong-pin', field: 'currentPin' });
    expect(
      (await h.call('session.changePin', { currentPin: '1357', newPin: '8642' }, teller)).ok,
    ).toBe(true);
    expect((await h.call('session.signIn', { personId: 2, pin: '8642' })).ok).toBe(true);
  });

  it('records the idle-lock setting with who changed it', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    const status = await h.call('app.status', {});
    expect(status.ok && status.value).toMatchObject({
      idleLockMinutes: 10,
      congress: null,
      elections: [],
    });
    const bad = await h.call('app.setIdleLockMinutes', { minutes: 0 }, admin);
    expect(bad.ok || bad.error).toMatchObject({ code: 'invalid-argument', field: 'minutes' });
    expect((await h.call('app.setIdleLockMinutes', { minutes: 5 }, admin)).ok).toBe(true);
    const after = await h.call('app.status', {});
    expect(after.ok && after.value.idleLockMinutes).toBe(5);
    const row = h.services.store.db
      .prepare<[], { actor: string; role: string; payload: string }>(
        "SELECT actor, role, payload FROM audit WHERE action = 'app.idleLockMinutes'",
      )
      .get();
    expect(row).toEqual({ actor: '王管理', role: 'admin', payload: '{"after":5,"before":10}' });
  });
});
