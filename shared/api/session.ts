import { z } from 'zod';
import { idSchema, noInput, personNameSchema, pinSchema } from './fields';
import { method, returns } from './method';
import { roles, type Role } from '../domain/roles';

export interface SessionInfo {
  personId: number;
  name: string;
  role: Role;
  /** Locked after the idle time or by the person; only unlock and sign-out work until unlocked. */
  locked: boolean;
}

export interface SignedIn {
  /** Sent with every later call; it lives in memory only and ends with sign-out or a restart. */
  token: string;
  session: SessionInfo;
}

export interface SessionStatus {
  /** No person exists yet: the first run creates the administrator. */
  firstRun: boolean;
  /** The caller's session, if the token it sent is still valid. */
  session: SessionInfo | null;
}

/** Who can be picked on the sign-in screen. */
export interface SignInPerson {
  id: number;
  name: string;
  role: Role;
}

export const sessionMethods = {
  'session.status': method({ input: noInput, access: 'public', output: returns<SessionStatus>() }),
  'session.people': method({ input: noInput, access: 'public', output: returns<SignInPerson[]>() }),
  'session.createFirstAdmin': method({
    input: z.strictObject({ name: personNameSchema, pin: pinSchema }),
    access: 'public',
    output: returns<SignedIn>(),
  }),
  'session.signIn': method({
    input: z.strictObject({ personId: idSchema, pin: pinSchema }),
    access: 'public',
    output: returns<SignedIn>(),
  }),
  'session.signOut': method({ input: noInput, access: 'session', output: returns<null>() }),
  'session.lock': method({ input: noInput, access: 'session', output: returns<null>() }),
  'session.unlock': method({
    input: z.strictObject({ pin: pinSchema }),
    access: 'session',
    output: returns<SessionInfo>(),
  }),
  /** Reports keyboard or mouse activity so the idle lock restarts its count. */
  'session.touch': method({ input: noInput, access: roles, output: returns<null>() }),
  'session.changePin': method({
    input: z.strictObject({ currentPin: pinSchema, newPin: pinSchema }),
    access: roles,
    output: returns<null>(),
  }),
};
