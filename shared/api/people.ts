import { z } from 'zod';
import { idSchema, noInput, personNameSchema, pinSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles, type Role } from '../domain/roles';

export interface PersonRecord {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  /** Wrong PINs since the last successful sign-in. */
  failedAttempts: number;
  /** ISO time until which sign-in is refused, if locked out now. */
  lockedUntil: string | null;
  createdAt: string;
}

const roleSchema = z.enum(roles, { error: '应为 管理员、计票人、监票人 或 总监票人' });

const { admin } = roleGroups;

export const peopleMethods = {
  'people.list': method({ input: noInput, access: admin, output: returns<PersonRecord[]>() }),
  'people.add': method({
    input: z.strictObject({ name: personNameSchema, role: roleSchema, pin: pinSchema }),
    access: admin,
    output: returns<PersonRecord>(),
  }),
  /** Sets a new PIN for someone who forgot theirs; it also lifts a lock-out. */
  'people.resetPin': method({
    input: z.strictObject({ personId: idSchema, pin: pinSchema }),
    access: admin,
    output: returns<PersonRecord>(),
  }),
  'people.deactivate': method({
    input: z.strictObject({ personId: idSchema }),
    access: admin,
    output: returns<PersonRecord>(),
  }),
};
