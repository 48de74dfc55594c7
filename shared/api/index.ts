import { appMethods } from './app';
import { archiveMethods } from './archive';
import { backupMethods } from './backup';
import { checkinMethods } from './checkin';
import { congressMethods } from './congress';
import { delegatesMethods } from './delegates';
import { electionsMethods } from './elections';
import { entryMethods } from './entry';
import { exportMethods } from './export';
import { issuanceMethods } from './issuance';
import { keyringMethods } from './keyring';
import type { InputOf, OutputOf } from './method';
import { peopleMethods } from './people';
import { printoutsMethods } from './printouts';
import type { Result } from './result';
import { resultsMethods } from './results';
import { scanMethods } from './scan';
import { sessionMethods } from './session';
import { structureMethods } from './structure';

/** Every method of the API; an area adds its table here. */
export const methods = {
  ...sessionMethods,
  ...peopleMethods,
  ...appMethods,
  ...congressMethods,
  ...archiveMethods,
  ...delegatesMethods,
  ...electionsMethods,
  ...structureMethods,
  ...printoutsMethods,
  ...checkinMethods,
  ...issuanceMethods,
  ...entryMethods,
  ...scanMethods,
  ...resultsMethods,
  ...exportMethods,
  ...keyringMethods,
  ...backupMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ApiInput<M extends MethodName> = InputOf<Methods[M]>;
export type ApiOutput<M extends MethodName> = OutputOf<Methods[M]>;

/** What the renderer calls: one function per method, one object argument, a Result back. */
export type Api = { [M in MethodName]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>> };

export type { Result, ApiError, ErrorCode } from './result';
export type { Role } from '../domain/roles';
