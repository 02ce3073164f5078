/** Shapes every resource shares: ids in the path, versions for optimistic locking, retire. */
import { z } from 'zod';

/** `/:id` path parameter. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export type IdParams = z.infer<typeof idParams>;

/** The version a client read; a write naming a stale one is refused with 409 VERSION_CONFLICT. */
export const version = z.number().int().positive();

/** `?includeRetired=true` shows retired rows too (lists hide them by default). */
export const includeRetired = z.enum(['true', 'false']).optional();

/** Body of POST /…/:id/retire. */
export const retireBody = z.object({ version });
export type RetireBody = z.infer<typeof retireBody>;

/** ISO 8601 timestamp as the server writes it. */
export const timestamp = z.string();

/** Columns of every row that people edit. */
export const editableFields = {
  version,
  retiredAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const name = z.string().trim().min(1).max(200);
