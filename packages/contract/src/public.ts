/**
 * The public portal's read-only API (/api/public/…) and open data (/gongkai/plans/:id.json):
 * published plans only, and only what the public may read — no statuses, versions, contacts or
 * internal notes. Identifiers are the database ids, which never change or get reused, so a plan
 * or task keeps its URL year after year; `key` is a readable stable key as well.
 */
import { z } from 'zod';

const id = z.number().int();

export const publicRating = z.enum([
  'completed',
  'exceeded',
  'on_track',
  'lagging',
  'seriously_lagging',
  'overdue',
  'not_reported',
  'not_started',
]);

export const publicJurisdiction = z.object({
  id,
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'district', 'zone']),
});
export type PublicJurisdiction = z.infer<typeof publicJurisdiction>;

/** One published plan in a list. */
export const publicPlanSummary = z.object({
  id,
  /** "<jurisdictionId>-<year>-<planId>", stable like the id. */
  key: z.string(),
  year: z.number().int(),
  title: z.string(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  jurisdiction: publicJurisdiction,
  categoryCount: z.number().int(),
  taskCount: z.number().int(),
  updatedAt: z.string(),
  url: z.string(),
});
export type PublicPlanSummary = z.infer<typeof publicPlanSummary>;

/** One published progress entry: an accepted report whose text the office chose to publish. */
export const publicProgressEntry = z.object({
  periodLabel: z.string(),
  /** YYYY-MM-DD. */
  date: z.string(),
  text: z.string(),
  photos: z.array(z.object({ url: z.string(), alt: z.string() })),
});
export type PublicProgressEntry = z.infer<typeof publicProgressEntry>;

/** Where a task stands, from accepted and published reports only; null fields when none yet. */
export const publicProgress = z.object({
  /** 0…1 (may exceed 1 when a target is exceeded). */
  completion: z.number().nullable(),
  rating: publicRating.nullable(),
  ratingLabel: z.string().nullable(),
  ratingReason: z.string().nullable(),
  /** YYYY-MM-DD of the latest published report. */
  lastUpdate: z.string().nullable(),
});
export type PublicProgress = z.infer<typeof publicProgress>;

export const publicIndicator = z.object({
  text: z.string(),
  subject: z.string().nullable(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(['=', '>=', '<=', 'range']),
});

export const publicTask = z.object({
  id,
  /** "<planKey>-<number>". */
  key: z.string(),
  planId: id,
  categoryId: id.nullable(),
  number: z.number().int(),
  title: z.string().nullable(),
  content: z.string(),
  deadlineText: z.string().nullable(),
  deadlineDate: z.string().nullable(),
  leadUnits: z.array(z.string()),
  coUnits: z.array(z.string()),
  indicators: z.array(publicIndicator),
  progress: publicProgress,
  url: z.string(),
});
export type PublicTask = z.infer<typeof publicTask>;

export const publicCategory = z.object({ id, ordinal: z.number().int(), name: z.string() });

/** GET /api/public/plans/:id and /gongkai/plans/:id.json. */
export const publicPlan = publicPlanSummary.extend({
  categories: z.array(publicCategory),
  tasks: z.array(publicTask),
});
export type PublicPlan = z.infer<typeof publicPlan>;

/** GET /api/public/tasks/:id: the task, its plan and its published progress history. */
export const publicTaskDetail = publicTask.extend({
  plan: publicPlanSummary,
  category: publicCategory.nullable(),
  history: z.array(publicProgressEntry),
});
export type PublicTaskDetail = z.infer<typeof publicTaskDetail>;

export const publicPlansQuery = z.object({
  jurisdictionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
});
export const publicPlansResponse = z.object({ items: z.array(publicPlanSummary) });
export const publicIdParams = z.object({ id: z.coerce.number().int().positive() });
