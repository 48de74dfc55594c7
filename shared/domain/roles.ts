import { z } from 'zod';

export const roles = ['admin', 'teller', 'scrutineer', 'chief-scrutineer'] as const;

export type Role = (typeof roles)[number];

export const roleSchema = z.enum(roles, { error: '应为 管理员、计票人、监票人 或 总监票人' });
