import type { Person } from '../../db/people';
import type { PersonRecord, peopleMethods } from '../../shared/api/people';
import { fail, ok } from '../../shared/api/result';
import { roleLabels } from '../../shared/strings/roles';
import { audit, type ServiceContext } from './context';
import type { Handlers } from './dispatch';
import { hashPin, secondsLeft } from './pin';

export function peopleHandlers(ctx: ServiceContext): Handlers<typeof peopleMethods> {
  const record = (person: Person): PersonRecord => ({
    id: person.id,
    name: person.name,
    role: person.role,
    active: person.active,
    failedAttempts: person.failedAttempts,
    lockedUntil: secondsLeft(person.lockedUntil, ctx.now()) > 0 ? person.lockedUntil : null,
    createdAt: person.createdAt,
  });

  return {
    'people.list': () => ok(ctx.store.people.list().map(record)),

    'people.add': async ({ name, role, pin }, session) => {
      if (ctx.store.people.byName(name)) return duplicate(name);
      const pinHash = await hashPin(pin);
      const added = ctx.store.transaction(() => {
        if (ctx.store.people.byName(name)) return undefined;
        const person = ctx.store.people.create({ name, role, pinHash });
        audit(ctx, session, 'person.add', { personId: person.id, name, role });
        return person;
      });
      return added ? ok(record(added)) : duplicate(name);
    },

    'people.resetPin': async ({ personId, pin }, session) => {
      const person = ctx.store.people.byId(personId);
      if (!person) return notFound();
      if (!person.active) return fail('invalid-state', `${person.name} 已停用，不能重设 PIN`);
      const pinHash = await hashPin(pin);
      const updated = ctx.store.transaction(() => {
        ctx.store.people.updatePin(person.id, pinHash);
        audit(ctx, session, 'person.pinReset', { personId: person.id, name: person.name });
        return ctx.store.people.resetAttempts(person.id);
      });
      return updated ? ok(record(updated)) : notFound();
    },

    'people.deactivate': ({ personId }, session) => {
      const person = ctx.store.people.byId(personId);
      if (!person) return notFound();
      if (!person.active) return fail('invalid-state', `${person.name} 已经停用`);
      if (person.id === session.personId)
        return fail('invalid-state', '不能停用自己正在使用的账号');
      const otherAdmins = ctx.store.people
        .list()
        .filter((p) => p.active && p.role === 'admin' && p.id !== person.id);
      if (person.role === 'admin' && otherAdmins.length === 0) {
        return fail('invalid-state', `${person.name} 是唯一的${roleLabels.admin}，不能停用`);
      }
      const updated = ctx.store.transaction(() => {
        audit(ctx, session, 'person.deactivate', { personId: person.id, name: person.name });
        return ctx.store.people.deactivate(person.id);
      });
      ctx.sessions.closeAllOf(person.id);
      return updated ? ok(record(updated)) : notFound();
    },
  };
}

function duplicate(name: string) {
  return fail('conflict', `已有名为「${name}」的在用人员，请换一个名字（如加上单位）`, {
    field: 'name',
  });
}

function notFound() {
  return fail('not-found', '没有这个人员，请刷新列表后重试', { field: 'personId' });
}
