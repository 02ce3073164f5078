/** Accounts. The password hash never leaves the server: it is not in these schemas. */
import { z } from 'zod';
import { editableFields, includeRetired, version } from './common';

export const userRole = z.enum(['admin', 'office', 'leader', 'reporter', 'deputy']);
export type UserRole = z.infer<typeof userRole>;

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: userRole,
  jurisdictionId: z.number().int(),
  unitId: z.number().int().nullable(),
  lockedUntil: z.string().nullable(),
  ...editableFields,
});
export type User = z.infer<typeof user>;

export const listUsersQuery = z.object({
  jurisdictionId: z.coerce.number().int().positive().optional(),
  role: userRole.optional(),
  includeRetired,
});
export const listUsersResponse = z.object({ items: z.array(user) });

export const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only');
/** Strength is checked by the service (PASSWORD_TOO_WEAK), so the message is the catalogue's. */
export const password = z.string().min(1).max(256);

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(100),
  password,
  role: userRole,
  jurisdictionId: z.number().int().positive(),
  unitId: z.number().int().positive().nullable().optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  version,
  displayName: z.string().trim().min(1).max(100).optional(),
  role: userRole.optional(),
  jurisdictionId: z.number().int().positive().optional(),
  unitId: z.number().int().positive().nullable().optional(),
  /** A new password (the old sessions stay until they expire or the auth module ends them). */
  password: password.optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;
