import { z } from 'zod';
import { roleGroups } from '../domain/roles';
import type { CongressRecord } from './congress';
import { idSchema, noInput } from './fields';
import { method, returns } from './method';
import { roles } from '../domain/roles';

const { admin } = roleGroups;

/** The archive and the deletion of a whole congress: the administrator's, each audited. */
export const archiveMethods = {
  /** Archived congresses, most recent first (the normal list leaves them out). */
  'congress.archived': method({
    input: noInput,
    access: roles,
    output: returns<CongressRecord[]>(),
  }),
  /**
   * Keeps a finished congress read-only and out of the list: refused while a round is being voted
   * on or counted, or awaits certification.
   */
  'congress.archive': method({
    input: z.strictObject({ congressId: idSchema }),
    access: admin,
    output: returns<CongressRecord>(),
  }),
  'congress.unarchive': method({
    input: z.strictObject({ congressId: idSchema }),
    access: admin,
    output: returns<CongressRecord>(),
  }),
  /**
   * Deletes the congress with everything it holds. `confirmName` must be its name, typed exactly;
   * a congress whose results were never exported also needs `confirmUnexported` (the error names
   * that field until then). The installation's audit log keeps a row of the deletion.
   */
  'congress.remove': method({
    input: z.strictObject({
      congressId: idSchema,
      confirmName: z.string({ error: '应为大会名称' }),
      confirmUnexported: z.boolean({ error: '应为 是 或 否' }).optional(),
    }),
    access: admin,
    output: returns<null>(),
  }),
};
