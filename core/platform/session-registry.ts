import { randomBytes } from 'node:crypto';
import { idleLockBounds } from '../../shared/idle-lock';
import type { Role } from '../../shared/domain/roles';

export interface Session {
  token: string;
  personId: number;
  name: string;
  role: Role;
  locked: boolean;
  lastActivity: number;
}

const shortestIdleMs = idleLockBounds.min * 60_000;

/**
 * The signed-in sessions, in memory only: a restart signs everyone out. A session locks itself
 * once it has been idle for the configured time.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();

  constructor(
    private readonly now: () => Date,
    private readonly idleMs: () => number,
  ) {}

  open(person: { id: number; name: string; role: Role }): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      personId: person.id,
      name: person.name,
      role: person.role,
      locked: false,
      lastActivity: this.now().getTime(),
    };
    this.#sessions.set(session.token, session);
    return session;
  }

  /** The session for a token, locked first if it has been idle too long. */
  find(token: string | null | undefined): Session | undefined {
    if (!token) return undefined;
    const session = this.#sessions.get(token);
    if (!session || session.locked) return session;
    // The configured time is read only when the session has been idle for the shortest one
    // allowed: a teller's next Enter comes seconds after the last and needs no lookup.
    const idle = this.now().getTime() - session.lastActivity;
    if (idle >= shortestIdleMs && idle >= this.idleMs()) session.locked = true;
    return session;
  }

  touch(session: Session): void {
    session.lastActivity = this.now().getTime();
  }

  lock(session: Session): void {
    session.locked = true;
  }

  unlock(session: Session): void {
    session.locked = false;
    this.touch(session);
  }

  close(session: Session): void {
    this.#sessions.delete(session.token);
  }

  /** Ends every session of a person, e.g. when an administrator deactivates them. */
  closeAllOf(personId: number): void {
    for (const session of this.#sessions.values()) {
      if (session.personId === personId) this.#sessions.delete(session.token);
    }
  }
}
