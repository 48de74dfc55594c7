import { idleLockBounds } from '../../shared/idle-lock';
import type { ServiceContext } from './context';

const idleLockKey = 'idleLockMinutes';

export function idleLockMinutes(ctx: ServiceContext): number {
  const value = ctx.store.settings.get(idleLockKey);
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= idleLockBounds.min &&
    value <= idleLockBounds.max
    ? value
    : idleLockBounds.default;
}

export function setIdleLockMinutes(ctx: ServiceContext, minutes: number): void {
  ctx.store.settings.set(idleLockKey, minutes);
}
