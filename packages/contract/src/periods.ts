/** Reporting periods of a plan: monthly by default, quarterly as an option, due on a working day. */
import { z } from 'zod';
import { editableFields, version } from './common';

export const periodStatus = z.enum(['open', 'closed']);
export const periodCadence = z.enum(['month', 'quarter']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const period = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  /** "2020-03" (month) or "2020Q3" (quarter). */
  key: z.string(),
  label: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  /** Always a working day (Chinese public holidays and adjusted working days respected). */
  dueDate: isoDate,
  status: periodStatus,
  ...editableFields,
});
export type Period = z.infer<typeof period>;

/** POST /api/plans/:id/periods — opens the plan year's periods (those not open yet). */
export const openPeriodsBody = z.object({
  cadence: periodCadence.optional(),
  /** Day of the following month the report is due (moved forward onto a working day); default 5. */
  dueDay: z.number().int().min(1).max(28).optional(),
  /** Only these keys (e.g. ["2020-03"]); default: every period of the year. */
  keys: z.array(z.string().max(10)).max(12).optional(),
});
export type OpenPeriodsBody = z.infer<typeof openPeriodsBody>;

export const listPeriodsResponse = z.object({ items: z.array(period) });

/** POST /api/periods/:id/close and /reopen. */
export const periodVersionBody = z.object({ version });
export type PeriodVersionBody = z.infer<typeof periodVersionBody>;
