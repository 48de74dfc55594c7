import { z } from 'zod';
import { StoreError, storeErrorFrom } from '../../db/errors';
import type { Access, MethodSpec, MethodTable } from '../../shared/api/method';
import { immediateMethods } from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/api/result';
import { roleLabels } from '../../shared/strings/roles';
import type { Session, SessionRegistry } from './session-registry';

/** Public methods may be called without a session; every other handler gets the caller's. */
type SessionFor<A extends Access> = A extends 'public' ? Session | null : Session;

export type Handler<M> =
  M extends MethodSpec<infer I, infer A, infer O>
    ? (input: z.output<I>, session: SessionFor<A>) => Result<O> | Promise<Result<O>>
    : never;

export type Handlers<T extends MethodTable> = { [K in keyof T]: Handler<T[K]> };

/** One API call, as the IPC handler and the loopback host receive it. */
export type AsyncDispatch = (
  method: string,
  input: unknown,
  token: string | null | undefined,
) => Promise<Result<unknown>>;

export interface Dispatch extends AsyncDispatch {
  /**
   * The same call answered before returning, for the few methods a page waits on between two
   * keys (`immediateMethods`): Enter's save, so that the next frame already shows the next ballot.
   */
  now(method: string, input: unknown, token: string | null | undefined): Result<unknown>;
}

export interface Logger {
  error(message: string, error: unknown): void;
}

export interface DispatchDeps {
  sessions: SessionRegistry;
  log: Logger;
  /** The database file, named in storage error messages. */
  databaseFile: string;
}

const zhCN = z.locales.zhCN().localeError;

/**
 * Routes a call to its handler after checking, in this order: the method exists, the caller may
 * call it, its argument is valid. Expected failures come back as values; a storage failure becomes
 * 'storage'; anything else is a bug, logged and rethrown for the edge to report.
 */
export function createDispatcher<T extends MethodTable>(
  methods: T,
  handlers: Handlers<T>,
  deps: DispatchDeps,
): Dispatch {
  /** The checks, then the handler to run, or the refusal. */
  const route = (name: string, raw: unknown, token: string | null | undefined) => {
    if (!Object.hasOwn(methods, name)) return fail('not-found', `没有名为 ${name} 的操作`);
    const spec = methods[name] as MethodSpec;
    const handler = handlers[name] as (input: unknown, session: Session | null) => unknown;
    const session = deps.sessions.find(token) ?? null;
    const denied = checkAccess(spec.access, session);
    if (denied) return denied;
    const parsed = spec.input.safeParse(raw ?? {}, { error: zhCN });
    if (!parsed.success) return invalidArgument(parsed.error.issues);
    return () => handler(parsed.data, session);
  };
  const failed = (name: string, error: unknown): Result<never> => {
    const storage = error instanceof StoreError ? error : storeErrorFrom(error, deps.databaseFile);
    if (storage) return fail('storage', storage.message);
    deps.log.error(`操作 ${name} 出现程序错误`, error);
    throw error;
  };
  const dispatch = async (name: string, raw: unknown, token: string | null | undefined) => {
    const run = route(name, raw, token);
    if (typeof run !== 'function') return run;
    try {
      return (await run()) as Result<unknown>;
    } catch (error) {
      return failed(name, error);
    }
  };
  const now = (name: string, raw: unknown, token: string | null | undefined) => {
    if (!immediateMethods.has(name)) {
      return fail('not-found', `操作 ${name} 不能立即应答，请按常规方式调用`);
    }
    const run = route(name, raw, token);
    if (typeof run !== 'function') return run;
    let answer: unknown;
    try {
      answer = run();
    } catch (error) {
      return failed(name, error);
    }
    if (answer instanceof Promise) {
      // Only handlers that finish before returning are listed; one that does not is a bug.
      return failed(name, new TypeError(`操作 ${name} 没有立即完成，不应列为立即应答`));
    }
    return answer as Result<unknown>;
  };
  return Object.assign(dispatch, { now });
}

export function checkAccess(access: Access, session: Session | null): Result<never> | undefined {
  if (access === 'public') return undefined;
  if (!session) return fail('unauthenticated', '尚未登录或登录已失效，请重新登录');
  if (access === 'session') return undefined;
  if (session.locked) return fail('session-locked', '屏幕已锁定，请输入 PIN 解锁后继续');
  if (!access.includes(session.role)) {
    const allowed = access.map((role) => roleLabels[role]).join('、');
    return fail('forbidden', `此操作仅限${allowed}，当前登录的是${roleLabels[session.role]}`);
  }
  return undefined;
}

function invalidArgument(issues: readonly z.core.$ZodIssue[]): Result<never> {
  const described = issues.slice(0, 3).map(describeIssue);
  const first = described[0];
  return fail(
    'invalid-argument',
    described.map((d) => d.text).join('；'),
    first?.field ? { field: first.field } : {},
  );
}

function describeIssue(issue: z.core.$ZodIssue): { field: string; text: string } {
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0] ?? ''].map(String).join('.');
    return { field, text: `参数 ${issue.keys.join('、')} 无效：此操作没有这个参数` };
  }
  const field = issue.path.map(String).join('.');
  return {
    field,
    text: field ? `参数 ${field} 无效：${issue.message}` : `参数无效：${issue.message}`,
  };
}
