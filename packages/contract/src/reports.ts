/** Reports: one unit's progress on one task for one period; versions; review; ratings; import. */
import { z } from 'zod';
import { version } from './common';
import { indicator } from './plans';

export const reportStatus = z.enum(['draft', 'submitted', 'accepted', 'returned']);

/** The status words a unit may report (Minsheng proposes one from the numbers). */
export const reportedStatus = z.enum([
  '已完成',
  '超额完成',
  '正常推进',
  '推进缓慢',
  '严重滞后',
  '未完成',
  '未启动',
]);
export type ReportedStatus = z.infer<typeof reportedStatus>;

export const rating = z.enum([
  'completed',
  'exceeded',
  'on_track',
  'lagging',
  'seriously_lagging',
  'overdue',
  'not_reported',
  'not_started',
]);

/** The cumulative actual of one indicator (null: not reported). */
export const reportValue = z.object({
  indicatorId: z.number().int().positive(),
  actual: z.number().finite().min(-1e15).max(1e15).nullable(),
});
export type ReportValue = z.infer<typeof reportValue>;

export const attachment = z.object({
  id: z.number().int(),
  reportId: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const report = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  unitId: z.number().int(),
  periodId: z.number().int(),
  status: reportStatus,
  progressText: z.string(),
  values: z.array(reportValue),
  proposedStatus: z.string().nullable(),
  reportedStatus: z.string().nullable(),
  statusReason: z.string().nullable(),
  /** 万元. */
  investment: z.number().nullable(),
  problems: z.string().nullable(),
  nextSteps: z.string().nullable(),
  reviewComment: z.string().nullable(),
  submissions: z.number().int(),
  submittedBy: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.number().int().nullable(),
  reviewedAt: z.string().nullable(),
  attachments: z.array(attachment),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Report = z.infer<typeof report>;

/** GET /api/periods/:id/my-tasks — the unit's tasks due this period, with indicators and its report. */
export const periodTasksQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });
export const periodTask = z.object({
  taskId: z.number().int(),
  number: z.number().int(),
  title: z.string().nullable(),
  content: z.string(),
  categoryId: z.number().int().nullable(),
  deadlineText: z.string().nullable(),
  deadlineDate: z.string().nullable(),
  unitId: z.number().int(),
  role: z.enum(['lead', 'co']),
  indicators: z.array(indicator),
  report: report.nullable(),
});
export type PeriodTask = z.infer<typeof periodTask>;
export const periodTasksResponse = z.object({ items: z.array(periodTask) });

/** POST /api/reports — gets the draft of (task, unit, period), creating it when there is none. */
export const openReportBody = z.object({
  taskId: z.number().int().positive(),
  periodId: z.number().int().positive(),
  /** The reporting unit; a reporter's own unit by default. */
  unitId: z.number().int().positive().optional(),
});
export type OpenReportBody = z.infer<typeof openReportBody>;

const longText = (max: number) => z.string().max(max).nullable().optional();

/** PUT /api/reports/:id — saves the draft (stale version → 409 with the current one). */
export const saveReportBody = z.object({
  version,
  progressText: z.string().max(20000).optional(),
  values: z.array(reportValue).max(200).optional(),
  reportedStatus: reportedStatus.nullable().optional(),
  statusReason: longText(2000),
  investment: z.number().finite().min(0).max(1e10).nullable().optional(),
  problems: longText(5000),
  nextSteps: longText(5000),
});
export type SaveReportBody = z.infer<typeof saveReportBody>;

/** POST /api/reports/:id/submit — saves and submits in one transaction; a change after acceptance needs `reason`. */
export const submitReportBody = saveReportBody.extend({ reason: z.string().trim().max(2000).optional() });
export type SubmitReportBody = z.infer<typeof submitReportBody>;

/** POST /api/reports/:id/accept and /return (a return needs a comment). */
export const reviewReportBody = z.object({ version, comment: z.string().trim().max(2000).optional() });
export type ReviewReportBody = z.infer<typeof reviewReportBody>;

export const reportVersion = z.object({
  id: z.number().int(),
  reportId: z.number().int(),
  number: z.number().int(),
  reason: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  snapshot: z.object({
    progressText: z.string(),
    values: z.array(reportValue),
    proposedStatus: z.string().nullable(),
    reportedStatus: z.string().nullable(),
    statusReason: z.string().nullable(),
    investment: z.number().nullable(),
    problems: z.string().nullable(),
    nextSteps: z.string().nullable(),
  }),
});
export type ReportVersion = z.infer<typeof reportVersion>;
export const listReportVersionsResponse = z.object({ items: z.array(reportVersion) });

/** GET /api/periods/:id/reports — the office's list of a period's reports. */
export const listReportsQuery = z.object({
  status: reportStatus.optional(),
  unitId: z.coerce.number().int().positive().optional(),
});
export const listReportsResponse = z.object({ items: z.array(report) });

/** POST /api/reports/proposal — the status Minsheng proposes for a draft's numbers (no write). */
export const proposeStatusBody = z.object({
  taskId: z.number().int().positive(),
  periodId: z.number().int().positive(),
  progressText: z.string().max(20000).default(''),
  values: z.array(reportValue).max(200).default([]),
});
export const statusProposal = z.object({
  proposedStatus: reportedStatus,
  rating,
  completion: z.number().nullable(),
  expected: z.number(),
  reason: z.string(),
  reasonEn: z.string(),
  statedPercentCheck: z.object({ stated: z.number(), computed: z.number() }).nullable(),
});
export type StatusProposal = z.infer<typeof statusProposal>;

/** GET /api/periods/:id/ratings — each task's rating as of the period's end, with the reason in words. */
export const taskRating = z.object({
  taskId: z.number().int(),
  number: z.number().int(),
  title: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  leadUnitId: z.number().int().nullable(),
  reportId: z.number().int().nullable(),
  rating,
  label: z.string(),
  labelEn: z.string(),
  completion: z.number().nullable(),
  expected: z.number(),
  gap: z.number().nullable(),
  reason: z.string(),
  reasonEn: z.string(),
  reportedStatus: z.string().nullable(),
  statedPercentCheck: z.object({ stated: z.number(), computed: z.number() }).nullable(),
});
export type TaskRatingView = z.infer<typeof taskRating>;
export const ratingsResponse = z.object({
  margins: z.object({ lagging: z.number(), seriouslyLagging: z.number() }),
  asOf: z.string(),
  items: z.array(taskRating),
});

/** POST /api/periods/:id/imports — a progress table read and matched to the plan's tasks (nothing saved). */
export const progressImportRow = z.object({
  row: z.number().int(),
  number: z.number().int(),
  title: z.string().nullable(),
  content: z.string(),
  progressText: z.string(),
  reportedStatus: z.string().nullable(),
  taskId: z.number().int().nullable(),
  taskNumber: z.number().int().nullable(),
  taskTitle: z.string().nullable(),
  /** 0–1: 1 when number and text agree. */
  confidence: z.number(),
  matchedBy: z.enum(['number+text', 'number', 'text', 'none']),
  leadUnitId: z.number().int().nullable(),
  values: z.array(reportValue),
  statedPercentCheck: z.object({ stated: z.number(), computed: z.number() }).nullable(),
  warnings: z.array(z.string()),
});
export type ProgressImportRow = z.infer<typeof progressImportRow>;
export const progressImportPreview = z.object({
  periodId: z.number().int(),
  fileName: z.string(),
  rows: z.array(progressImportRow),
  unmatchedTaskIds: z.array(z.number().int()),
});
export type ProgressImportPreview = z.infer<typeof progressImportPreview>;

/** POST /api/periods/:id/imports/commit — the confirmed rows (row → task) become submitted reports. */
export const commitProgressImportBody = z.object({
  rows: z
    .array(
      z.object({
        taskId: z.number().int().positive(),
        progressText: z.string().max(20000),
        values: z.array(reportValue).max(200),
        reportedStatus: reportedStatus.nullable().optional(),
        statusReason: z.string().max(2000).nullable().optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type CommitProgressImportBody = z.infer<typeof commitProgressImportBody>;
export const commitProgressImportResponse = z.object({ reportIds: z.array(z.number().int()) });
