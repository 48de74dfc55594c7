import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ApiInput, ApiOutput, MethodName, Result } from '../../../shared/api';
import type { Role } from '../../../shared/domain/roles';
import { openServices, type Services } from '../../../core/platform/open';

export interface Harness {
  services: Services;
  file: string;
  /** Moves the services' clock forward. */
  advance(ms: number): void;
  logged: unknown[];
  call<M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token?: string | null,
  ): Promise<Result<ApiOutput<M>>>;
  /** Creates the administrator (on first use) and a person of the role, signs them in, returns the token. */
  signedIn(role: Role, name?: string): Promise<string>;
  auditActions(): string[];
  count(table: 'person' | 'audit'): number;
}

const open: Harness[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const harness of open.splice(0)) harness.services.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const adminPin = '246810';

/** The real services on a real database file in a temp folder, with a clock the test moves. */
export function servicesHarness(): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'ct-shell-'));
  dirs.push(dir);
  const file = join(dir, 'congress.sqlite');
  let time = Date.parse('2025-11-26T01:00:00Z');
  const logged: unknown[] = [];
  const services = openServices({
    file,
    now: () => new Date(time),
    display: { openProjector: () => false },
    log: { error: (_message, error) => logged.push(error) },
    network: () => ({ connected: false, interfaces: [] }),
  });
  let adminToken: string | undefined;
  const call = <M extends MethodName>(method: M, input: ApiInput<M>, token: string | null = null) =>
    services.dispatch(method, input, token) as Promise<Result<ApiOutput<M>>>;
  const harness: Harness = {
    services,
    file,
    logged,
    advance: (ms) => {
      time += ms;
    },
    call,
    async signedIn(role, name = `${role}-person`) {
      if (!adminToken) {
        const created = await call('session.createFirstAdmin', { name: '王管理', pin: adminPin });
        if (!created.ok) throw new Error(created.error.message);
        adminToken = created.value.token;
      }
      if (role === 'admin') return adminToken;
      const added = await call('people.add', { name, role, pin: '1357' }, adminToken);
      if (!added.ok) throw new Error(added.error.message);
      const signed = await call('session.signIn', { personId: added.value.id, pin: '1357' });
      if (!signed.ok) throw new Error(signed.error.message);
      return signed.value.token;
    },
    auditActions: () =>
      services.store.db
        .prepare<[], { action: string }>('SELECT action FROM audit ORDER BY seq')
        .all()
        .map((row) => row.action),
    count: (table) =>
      services.store.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ??
      0,
  };
  open.push(harness);
  return harness;
}
