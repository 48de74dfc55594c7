import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method:
 * - 'public': no session (first run, sign-in, the projector);
 * - 'session': any signed-in person, also while their session is locked (unlock, sign out);
 * - a list of roles: those roles, with an unlocked session.
 */
export type Access = 'public' | 'session' | readonly Role[];

/** Carries a method's result type; it has no value at run time. */
export interface Returns<T> {
  readonly __returns?: T;
}

export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  A extends Access = Access,
  O = unknown,
> {
  /** Validates the method's single object argument in main before anything runs. */
  readonly input: I;
  readonly access: A;
  readonly output: Returns<O>;
}

export type MethodTable = Record<string, MethodSpec>;

/** Declares one API method; `const` keeps the access literal so handlers get the right session type. */
export function method<I extends z.ZodType, const A extends Access, O>(spec: {
  input: I;
  access: A;
  output: Returns<O>;
}): MethodSpec<I, A, O> {
  return spec;
}

export function returns<T>(): Returns<T> {
  return {};
}

export type InputOf<M extends MethodSpec> = z.input<M['input']>;
export type OutputOf<M extends MethodSpec> = M['output'] extends Returns<infer O> ? O : never;
