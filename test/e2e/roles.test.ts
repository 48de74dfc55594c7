import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

describe('roles and arguments, checked by the services', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  const counts = () => ({
    people: app.query<{ n: number }>('SELECT count(*) AS n FROM person')?.n,
    audit: app.query<{ n: number }>('SELECT count(*) AS n FROM audit')?.n,
    settings: app.query<{ n: number }>('SELECT count(*) AS n FROM setting')?.n,
  });

  it('refuses administrator methods to a teller’s session, whatever the screen shows', async () => {
    await seedPeople(app, [{ name: '张计票', role: 'teller', pin: '1357' }]);
    const session = await app.api('session.signIn', { personId: 2, pin: '1357' });
    const teller = session.ok ? session.value.token : null;
    const before = counts();

    const add = await app.api('people.add', { name: '冒名', role: 'admin', pin: '1234' }, teller);
    expect(add).toEqual({
      ok: false,
      error: { code: 'forbidden', message: '此操作仅限管理员，当前登录的是计票人' },
    });
    for (const [method, input] of [
      ['people.list', {}],
      ['people.resetPin', { personId: 1, pin: '1111' }],
      ['people.deactivate', { personId: 1 }],
      ['app.setIdleLockMinutes', { minutes: 60 }],
    ] as const) {
      const result = await app.rawApi(method, input, teller);
      expect(result.ok || result.error.code, method).toBe('forbidden');
    }
    const anonymous = await app.api('people.list', {}, null);
    expect(anonymous.ok || anonymous.error.code).toBe('unauthenticated');
    expect(counts()).toEqual(before);

    // The screen agrees: a teller who types the address of 人员管理 gets no list.
    const page = app.page;
    await page.goto(app.served.url);
    await signedIn(page, '张计票', '1357');
    await page.goto(`${app.served.origin}/#/people`);
    await page.getByText('人员管理仅限管理员使用').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('answers a malformed argument with invalid-argument naming the field, and writes nothing', async () => {
    const { adminToken } = await seedPeople(app);
    const before = counts();

    const badPin = await app.api(
      'people.add',
      { name: '李四', role: 'teller', pin: '12ab' },
      adminToken,
    );
    expect(badPin).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        field: 'pin',
        message: '参数 pin 无效：应为 4 至 8 位数字',
      },
    });
    const badRole = await app.rawApi(
      'people.add',
      { name: '李四', role: 'chairman', pin: '1234' },
      adminToken,
    );
    expect(badRole.ok || badRole.error).toMatchObject({ code: 'invalid-argument', field: 'role' });
    const badMinutes = await app.rawApi('app.setIdleLockMinutes', { minutes: '5' }, adminToken);
    expect(badMinutes.ok || badMinutes.error).toMatchObject({
      code: 'invalid-argument',
      field: 'minutes',
    });
    const notObject = await app.rawApi('session.signIn', 'admin', null);
    expect(notObject.ok || notObject.error.code).toBe('invalid-argument');
    const unknown = await app.rawApi('people.purge', {}, adminToken);
    expect(unknown.ok || unknown.error.code).toBe('not-found');

    expect(counts()).toEqual(before);
  });
});
