import type { ApiInput, ApiOutput, MethodName, Result } from '../../../shared/api';
import type { Role } from '../../../shared/domain/roles';
import type { Services } from '../../../core/platform/open';
import { testServices } from '../services-harness';

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

export const adminPin = '246810';

/** The real services on a real database file in a temp folder, with a clock the test moves. */
export function servicesHarness(): Harness {
  let time = Date.parse('2025-11-26T01:00:00Z');
  const logged: unknown[] = [];
  const base = testServices({
    folder: 'ct-shell-',
    now: () => new Date(time),
    log: (_message, error) => logged.push(error),
  });
  const { services, file, call } = base;
  let adminToken: string | undefined;
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
    auditActions: base.auditActions,
    count: (table) => base.count(`SELECT count(*) AS n FROM ${table}`),
  };
  return harness;
}
