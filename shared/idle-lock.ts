/** Minutes a session may sit idle before the screen locks. */
export const idleLockBounds = { min: 1, max: 60, default: 10 } as const;
