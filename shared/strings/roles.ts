import type { Role } from '../domain/roles';

export const roleLabels: Record<Role, string> = {
  admin: '管理员',
  teller: '计票人',
  scrutineer: '监票人',
  'chief-scrutineer': '总监票人',
};
