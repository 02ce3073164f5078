/** Jurisdictions: province → city → county / district / development zone. */
import { z } from 'zod';
import { editableFields, includeRetired, name, version } from './common';

export const jurisdictionLevel = z.enum(['province', 'city', 'county', 'district', 'zone']);
export type JurisdictionLevel = z.infer<typeof jurisdictionLevel>;

export const jurisdiction = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  level: jurisdictionLevel,
  code: z.string().nullable(),
  ...editableFields,
});
export type Jurisdiction = z.infer<typeof jurisdiction>;

export const listJurisdictionsQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  includeRetired,
});
export const listJurisdictionsResponse = z.object({ items: z.array(jurisdiction) });

export const createJurisdictionBody = z.object({
  parentId: z.number().int().positive().nullable(),
  name,
  level: jurisdictionLevel,
  code: z.string().trim().max(32).nullable().optional(),
});
export type CreateJurisdictionBody = z.infer<typeof createJurisdictionBody>;

export const updateJurisdictionBody = z.object({
  version,
  parentId: z.number().int().positive().nullable().optional(),
  name: name.optional(),
  level: jurisdictionLevel.optional(),
  code: z.string().trim().max(32).nullable().optional(),
});
export type UpdateJurisdictionBody = z.infer<typeof updateJurisdictionBody>;
