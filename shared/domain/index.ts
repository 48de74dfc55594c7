/**
 * The congress's own rules as data and pure functions: offices, rounds and their states, boxes
 * and their passes, roles, and how a paper ballot is read.
 */
export * from './boxes';
export * from './offices';
export * from './paper-ballot';
export * from './passes';
export * from './roles';
export * from './rounds';
