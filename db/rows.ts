/**
 * `{...current, ...patch}` where a key the caller set to undefined keeps its current value:
 * an update changes only what it names.
 */
export function applyPatch<T extends object>(current: T, patch: Partial<T>): T {
  const next = { ...current };
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined) next[key] = value;
  }
  return next;
}

/** The row of an INSERT … RETURNING, which SQLite always gives unless the insert threw. */
export function returned<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('INSERT … RETURNING gave no row');
  return row;
}
