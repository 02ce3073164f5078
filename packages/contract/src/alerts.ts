/** Alerts of a period: lagging, seriously lagging, overdue, not reported, inconsistent. */
import { z } from 'zod';
import { rating } from './reports';

export const alertKind = z.enum(['lagging', 'seriously_lagging', 'overdue', 'not_reported', 'inconsistent']);
export type AlertKind = z.infer<typeof alertKind>;

export const alertsQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  rating: rating.optional(),
  kind: alertKind.optional(),
});
export type AlertsQuery = z.infer<typeof alertsQuery>;

export const alert = z.object({
  kind: alertKind,
  taskId: z.number().int(),
  number: z.number().int(),
  title: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  leadUnitId: z.number().int().nullable(),
  reportId: z.number().int().nullable(),
  rating,
  reason: z.string(),
  reasonEn: z.string(),
});
export type Alert = z.infer<typeof alert>;

/** The counts are computed from the same filtered list as `items` (one predicate). */
export const alertsResponse = z.object({
  counts: z.record(alertKind, z.number().int()),
  items: z.array(alert),
});
