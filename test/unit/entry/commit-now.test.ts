import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../../core/platform/dispatch';
import { SessionRegistry } from '../../../core/platform/session-registry';
import { registerApi } from '../../../electron/ipc';
import { apiNowChannel, immediateMethods } from '../../../shared/api/bridge';
import { method, returns } from '../../../shared/api/method';
import { ok, type Result } from '../../../shared/api/result';
import { ballot, entryHarness, openBox } from './fixture';

/*
 * Enter's save is answered before the call returns (Dispatch.now, the synchronous IPC message):
 * the same checks and the same rows as the usual call, and nothing else may take that way.
 */

describe('the immediate call Enter saves through', () => {
  it('saves the ballot and answers before returning, with the checks of the usual call', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 2);
    const token = h.tellerA.token;

    const answer = h.services.dispatch.now(
      'entry.commit',
      { boxId, seq: 1, ballot: ballot('OOOOOOOXX--') },
      token,
    );
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toMatchObject({ ok: true, value: { seq: 1, progress: { nextSeq: 2 } } });
    expect(h.count('SELECT count(*) AS n FROM ballot')).toBe(1);

    // The same refusals as through the usual call, and nothing written by them.
    const audit = h.count('SELECT count(*) AS n FROM audit');
    const wrongSeq = h.services.dispatch.now(
      'entry.commit',
      { boxId, seq: 5, ballot: ballot('OOOOOOOXX--') },
      token,
    );
    expect(wrongSeq.ok || wrongSeq.error).toMatchObject({ code: 'conflict', field: 'seq' });
    const signedOut = h.services.dispatch.now(
      'entry.commit',
      { boxId, seq: 2, ballot: ballot('OOOOOOOXX--') },
      null,
    );
    expect(signedOut.ok || signedOut.error.code).toBe('unauthenticated');
    const malformed = h.services.dispatch.now('entry.commit', { boxId, seq: 2 }, token);
    expect(malformed.ok || malformed.error).toMatchObject({
      code: 'invalid-argument',
      field: 'ballot',
    });
    expect(h.count('SELECT count(*) AS n FROM ballot')).toBe(1);
    expect(h.count('SELECT count(*) AS n FROM audit')).toBe(audit);
  });

  it('refuses every method not listed as immediate, before running it', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 2);
    const refused = h.services.dispatch.now('entry.finishPass', { boxId }, h.tellerA.token);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'not-found', message: '操作 entry.finishPass 不能立即应答，请按常规方式调用' },
    });
    expect([...immediateMethods]).toEqual(['entry.commit']);
  });

  it('treats a listed handler that does not finish before returning as a bug', () => {
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      {
        'entry.commit': method({
          input: z.strictObject({}),
          access: 'public',
          output: returns<null>(),
        }),
      },
      { 'entry.commit': () => Promise.resolve(ok(null)) },
      {
        sessions: new SessionRegistry(
          () => new Date(),
          () => 60_000,
        ),
        log: { error: (_message, error) => logged.push(error) },
        databaseFile: 'x.sqlite',
      },
    );
    expect(() => dispatch.now('entry.commit', {}, null)).toThrow('没有立即完成');
    expect(logged).toHaveLength(1);
  });
});

describe('the synchronous IPC channel', () => {
  type Listener = (event: unknown, request: unknown) => void;
  const channels = (now: (method: string) => Result<unknown>) => {
    const listeners = new Map<string, Listener>();
    const dispatch = Object.assign(() => Promise.resolve(ok(null)), {
      now: (name: string) => now(name),
    });
    registerApi(
      {
        handle: () => undefined,
        on: (channel: string, listener: Listener) => listeners.set(channel, listener),
      } as never,
      dispatch,
    );
    const listener = listeners.get(apiNowChannel);
    if (!listener) throw new Error('no listener on the synchronous channel');
    /** Sends one message as a frame at `url` would, and returns what the page gets back. */
    return (url: string, request: unknown) => {
      const event = { senderFrame: { url, parent: null }, returnValue: undefined as unknown };
      listener(event, request);
      return event.returnValue;
    };
  };
  const app = 'app://congress-tally/index.html#/entry';
  const request = { method: 'entry.commit', token: 't', input: {} };

  it('answers the app’s own page, and every other sender with a refusal, never leaving it waiting', () => {
    const send = channels(() => ok({ saved: true }));
    expect(send(app, request)).toEqual({ ok: true, value: { saved: true } });
    expect(send('https://example.com/', request)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(send(app, { method: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('answers a bug with an internal error instead of no answer', () => {
    const send = channels(() => {
      throw new TypeError('a bug');
    });
    expect(send(app, request)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
