import type { Person } from '../../db/people';
import { fail, ok, type Result } from '../../shared/api/result';
import type { SessionInfo, SignedIn, sessionMethods } from '../../shared/api/session';
import { audit, type ServiceContext } from './context';
import type { Handlers } from './dispatch';
import { freeAttempts, hashPin, lockoutSeconds, secondsLeft, verifyPin } from './pin';
import type { Session } from './session-registry';

export function sessionHandlers(ctx: ServiceContext): Handlers<typeof sessionMethods> {
  return {
    'session.status': (_input, session) =>
      ok({
        firstRun: ctx.store.people.list().length === 0,
        session: session ? info(session) : null,
      }),

    'session.people': () =>
      ok(
        ctx.store.people
          .list()
          .filter((person) => person.active)
          .map(({ id, name, role }) => ({ id, name, role })),
      ),

    'session.createFirstAdmin': async ({ name, pin }) => {
      const pinHash = await hashPin(pin);
      // Checked inside the transaction: two windows may both have shown the first-run screen.
      const admin = ctx.store.transaction(() => {
        if (ctx.store.people.list().length > 0) return undefined;
        const person = ctx.store.people.create({ name, role: 'admin', pinHash });
        audit(ctx, person, 'person.add', {
          personId: person.id,
          name,
          role: person.role,
          firstRun: true,
        });
        audit(ctx, person, 'session.signIn', { personId: person.id });
        return person;
      });
      if (!admin) return fail('invalid-state', '管理员已经设置过，请直接登录');
      return ok(signedIn(ctx, admin));
    },

    'session.signIn': async ({ personId, pin }) => {
      const person = ctx.store.people.byId(personId);
      if (!person?.active)
        return fail('not-found', '所选人员不存在或已停用，请重新选择', { field: 'personId' });
      const checked = await checkPin(ctx, person, pin);
      if (!checked.ok) return checked;
      ctx.store.transaction(() => audit(ctx, person, 'session.signIn', { personId: person.id }));
      return ok(signedIn(ctx, person));
    },

    'session.signOut': (_input, session) => {
      ctx.store.transaction(() =>
        audit(ctx, session, 'session.signOut', { personId: session.personId }),
      );
      ctx.sessions.close(session);
      return ok(null);
    },

    'session.lock': (_input, session) => {
      ctx.sessions.lock(session);
      return ok(null);
    },

    'session.unlock': async ({ pin }, session) => {
      const person = ctx.store.people.byId(session.personId);
      if (!person?.active) {
        ctx.sessions.close(session);
        return fail('unauthenticated', '此账号已停用，请由管理员处理');
      }
      const checked = await checkPin(ctx, person, pin);
      if (!checked.ok) return checked;
      ctx.store.transaction(() => audit(ctx, person, 'session.unlock', { personId: person.id }));
      ctx.sessions.unlock(session);
      return ok(info(session));
    },

    'session.touch': (_input, session) => {
      ctx.sessions.touch(session);
      return ok(null);
    },

    'session.changePin': async ({ currentPin, newPin }, session) => {
      const person = ctx.store.people.byId(session.personId);
      if (!person?.active) return fail('unauthenticated', '此账号已停用，请由管理员处理');
      const checked = await checkPin(ctx, person, currentPin, 'currentPin');
      if (!checked.ok) return checked;
      const pinHash = await hashPin(newPin);
      ctx.store.transaction(() => {
        ctx.store.people.updatePin(person.id, pinHash);
        audit(ctx, person, 'person.pinChanged', { personId: person.id });
      });
      return ok(null);
    },
  };
}

function info(session: Session): SessionInfo {
  const { personId, name, role, locked } = session;
  return { personId, name, role, locked };
}

function signedIn(ctx: ServiceContext, person: Person): SignedIn {
  const session = ctx.sessions.open(person);
  return { token: session.token, session: info(session) };
}

/**
 * Checks a PIN against the person's, refusing without checking while they are locked out. Each
 * wrong PIN is counted and audited; from the third on, sign-in pauses for a doubling time. The
 * lock-out is read again after the (slow) hash, so parallel guesses cannot slip past it.
 */
export async function checkPin(
  ctx: ServiceContext,
  person: Person,
  pin: string,
  field = 'pin',
): Promise<Result<null>> {
  const paused = pausedFor(ctx, person);
  if (paused) return paused;
  const right = await verifyPin(pin, person.pinHash);
  // Wrapped, so that the store commits a wrong PIN although the check fails: it counts.
  const checked = ctx.store.transaction((): { result: Result<null> } => {
    const current = ctx.store.people.byId(person.id) ?? person;
    const stillPaused = pausedFor(ctx, current);
    if (stillPaused) return { result: stillPaused };
    if (right) {
      if (current.failedAttempts > 0) ctx.store.people.resetAttempts(person.id);
      return { result: ok(null) };
    }
    const failed = current.failedAttempts + 1;
    const seconds = lockoutSeconds(failed);
    const until = seconds > 0 ? new Date(ctx.now().getTime() + seconds * 1000).toISOString() : null;
    ctx.store.people.recordFailedAttempt(person.id, until);
    const payload = { personId: person.id, failedAttempts: failed, lockedSeconds: seconds };
    audit(ctx, person, seconds > 0 ? 'session.lockedOut' : 'session.wrongPin', payload);
    if (seconds > 0) {
      const message = `PIN 不正确。${person.name} 已连续输错 ${failed} 次，暂停登录 ${seconds} 秒`;
      return { result: fail('locked-out', message, { retryAfterSeconds: seconds }) };
    }
    const left = freeAttempts - failed;
    return { result: fail('wrong-pin', `PIN 不正确，再输错 ${left} 次将暂停登录`, { field }) };
  });
  return checked.result;
}

function pausedFor(ctx: ServiceContext, person: Person): Result<never> | undefined {
  const wait = secondsLeft(person.lockedUntil, ctx.now());
  if (wait === 0) return undefined;
  return fail('locked-out', `${person.name} 的登录已暂停，请 ${wait} 秒后再试`, {
    retryAfterSeconds: wait,
  });
}
