/** Units (责任单位): departments, lower governments and firms, with the aliases documents use. */
import { z } from 'zod';
import { editableFields, includeRetired, name, version } from './common';

export const unitKind = z.enum(['department', 'government', 'enterprise']);
export type UnitKind = z.infer<typeof unitKind>;

export const unit = z.object({
  id: z.number().int(),
  jurisdictionId: z.number().int(),
  name: z.string(),
  kind: unitKind,
  leaderName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  aliases: z.array(z.string()),
  ...editableFields,
});
export type Unit = z.infer<typeof unit>;

export const listUnitsQuery = z.object({
  jurisdictionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  includeRetired,
});
export const listUnitsResponse = z.object({ items: z.array(unit) });

const optionalText = z.string().trim().max(100).nullable().optional();
const aliases = z.array(z.string().trim().min(1).max(200)).max(50);

export const createUnitBody = z.object({
  jurisdictionId: z.number().int().positive(),
  name,
  kind: unitKind.optional(),
  leaderName: optionalText,
  contactName: optionalText,
  contactPhone: optionalText,
  aliases: aliases.optional(),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const updateUnitBody = z.object({
  version,
  name: name.optional(),
  kind: unitKind.optional(),
  leaderName: optionalText,
  contactName: optionalText,
  contactPhone: optionalText,
  /** Replaces the unit's aliases. */
  aliases: aliases.optional(),
});
export type UpdateUnitBody = z.infer<typeof updateUnitBody>;
