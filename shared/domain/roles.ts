export const roles = ['admin', 'teller', 'scrutineer', 'chief-scrutineer'] as const;

export type Role = (typeof roles)[number];

/**
 * Who does what at the count, named once: the API's access lists and the services' checks use
 * these. The order is the order the refusal message lists the roles in.
 */
export const roleGroups = {
  admin: ['admin'],
  tellers: ['teller'],
  /** 监票人 and 总监票人: issuance, the boxes' hand counts, results. */
  scrutineers: ['scrutineer', 'chief-scrutineer'],
  /** The count room: tellers enter the passes (a teller sees only their own), scrutineers watch. */
  countRoom: ['teller', 'scrutineer', 'chief-scrutineer'],
  chief: ['chief-scrutineer'],
  /** The registration desk; scrutineers watch the counts (separation of duties). */
  checkinDesk: ['admin', 'teller'],
  /** The chair's decisions, recorded by the 总监票人 or the administrator who sets up rounds. */
  recorders: ['chief-scrutineer', 'admin'],
  /** Backups and the signing key: the administrator and the 总监票人. */
  keyHolders: ['admin', 'chief-scrutineer'],
} as const satisfies Record<string, readonly Role[]>;

/** Whether `role` (none when nobody is signed in) is one of `group`. */
export function inGroup(group: readonly Role[], role: Role | undefined): boolean {
  return role !== undefined && group.includes(role);
}
