import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreError } from '../../../db/errors';
import { createDispatcher } from '../../../core/platform/dispatch';
import { SessionRegistry } from '../../../core/platform/session-registry';
import { method, returns } from '../../../shared/api/method';
import { ok } from '../../../shared/api/result';
import { servicesHarness } from './services-fixture';

describe('dispatch', () => {
  it('refuses a malformed argument, names the field in Chinese, and writes nothing', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    const people = h.count('person');
    const audit = h.count('audit');

    const result = await h.call('people.add', { name: '李四', role: 'teller', pin: '12ab' }, admin);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        field: 'pin',
        message: '参数 pin 无效：应为 4 至 8 位数字',
      },
    });
    expect(h.count('person')).toBe(people);
    expect(h.count('audit')).toBe(audit);
  });

  it('names nested and missing fields, and unknown ones', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');

    const missing = await h.call('people.add', { name: '李四', pin: '1234' } as never, admin);
    expect(missing.ok || missing.error).toMatchObject({ code: 'invalid-argument', field: 'role' });
    expect(missing.ok || missing.error.message).toContain('参数 role 无效');

    const extra = await h.call('people.list', { all: true } as never, admin);
    expect(extra.ok || extra.error).toMatchObject({ code: 'invalid-argument', field: 'all' });
    expect(extra.ok || extra.error.message).toBe('参数 all 无效：此操作没有这个参数');
  });

  it('answers an unknown method with not-found', async () => {
    const h = servicesHarness();
    const result = await h.services.dispatch('ballots.deleteAll', {}, null);
    expect(result.ok || result.error.code).toBe('not-found');
  });

  it('refuses a call without a valid session before looking at its argument', async () => {
    const h = servicesHarness();
    await h.signedIn('admin');
    for (const token of [null, 'forged-token']) {
      const result = await h.call(
        'people.add',
        { name: 'x', role: 'nobody', pin: '1' } as never,
        token,
      );
      expect(result.ok || result.error.code).toBe('unauthenticated');
    }
    expect(h.count('person')).toBe(1);
  });

  it('refuses a role the method does not allow', async () => {
    const h = servicesHarness();
    const teller = await h.signedIn('teller', '张计票');
    const before = h.count('person');

    const result = await h.call('people.add', { name: '赵六', role: 'admin', pin: '1234' }, teller);

    expect(result.ok || result.error).toEqual({
      code: 'forbidden',
      message: '此操作仅限管理员，当前登录的是计票人',
    });
    expect(h.count('person')).toBe(before);
  });

  it('locks an idle session: only unlock and sign-out work until the PIN is given', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    h.advance(10 * 60_000);

    const refused = await h.call('people.list', {}, admin);
    expect(refused.ok || refused.error.code).toBe('session-locked');
    const status = await h.call('session.status', {}, admin);
    expect(status.ok && status.value.session?.locked).toBe(true);

    const unlocked = await h.call('session.unlock', { pin: '246810' }, admin);
    expect(unlocked.ok && unlocked.value.locked).toBe(false);
    expect((await h.call('people.list', {}, admin)).ok).toBe(true);
  });

  it('keeps a session open while the person is active, and follows the configured idle time', async () => {
    const h = servicesHarness();
    const admin = await h.signedIn('admin');
    expect((await h.call('app.setIdleLockMinutes', { minutes: 2 }, admin)).ok).toBe(true);
    h.advance(90_000);
    expect((await h.call('session.touch', {}, admin)).ok).toBe(true);
    h.advance(90_000);
    expect((await h.call('people.list', {}, admin)).ok).toBe(true);
    h.advance(120_000);
    const locked = await h.call('people.list', {}, admin);
    expect(locked.ok || locked.error.code).toBe('session-locked');
  });

  it('turns a storage failure into a storage error and rethrows a bug after logging it', async () => {
    const table = {
      'test.disk': method({ input: z.strictObject({}), access: 'public', output: returns<null>() }),
      'test.bug': method({ input: z.strictObject({}), access: 'public', output: returns<null>() }),
    };
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      table,
      {
        'test.disk': () => {
          throw new StoreError(
            'disk-full',
            '磁盘已满，无法写入 x.sqlite；刚才的操作没有保存，请腾出空间后重试。',
          );
        },
        'test.bug': () => {
          if (logged.length >= 0) throw new TypeError('a bug');
          return ok(null);
        },
      },
      {
        sessions: new SessionRegistry(
          () => new Date(),
          () => 60_000,
        ),
        log: { error: (_message, error) => logged.push(error) },
        databaseFile: 'x.sqlite',
      },
    );

    const disk = await dispatch('test.disk', {}, null);
    expect(disk.ok || disk.error).toEqual({
      code: 'storage',
      message: '磁盘已满，无法写入 x.sqlite；刚才的操作没有保存，请腾出空间后重试。',
    });
    await expect(dispatch('test.bug', {}, null)).rejects.toThrow('a bug');
    expect(logged).toHaveLength(1);
  });
});
