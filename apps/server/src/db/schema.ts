/**
 * The one Drizzle schema, for PGlite and PostgreSQL alike. `npm run db:generate -w @minsheng/server`
 * writes the append-only SQL migrations in apps/server/drizzle/ from it.
 *
 * Rows that people edit carry `version` (optimistic locking: a write names the version it read;
 * a stale one is refused with 409) and `retiredAt` (retire, never delete, so history stays whole).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
const editable = {
  version: integer('version').notNull().default(1),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  ...timestamps,
};

export const jurisdictionLevel = pgEnum('jurisdiction_level', [
  'province',
  'city',
  'county',
  'district',
  'zone',
]);
export const unitKind = pgEnum('unit_kind', ['department', 'government', 'enterprise']);
export const userRole = pgEnum('user_role', ['admin', 'office', 'leader', 'reporter', 'deputy']);
export const unitRole = pgEnum('unit_role', ['lead', 'co']);
export const comparator = pgEnum('comparator', ['=', '>=', '<=', 'range']);
export const planStatus = pgEnum('plan_status', ['draft', 'published']);
export const importStatus = pgEnum('import_status', ['preview', 'committed', 'discarded']);

/** A government whose plan it is: province → city → county / district / development zone. */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => jurisdictions.id),
    name: text('name').notNull(),
    level: jurisdictionLevel('level').notNull(),
    /** Administrative division code (行政区划代码), when known. */
    code: text('code'),
    ...editable,
  },
  (t) => [uniqueIndex('jurisdictions_name_key').on(t.name), index('jurisdictions_parent_idx').on(t.parentId)],
);

/** A department, lower government or firm answerable for tasks. */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    kind: unitKind('kind').notNull().default('department'),
    /** The unit's leader and contact are records, never accounts. */
    leaderName: text('leader_name'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    ...editable,
  },
  (t) => [uniqueIndex('units_jurisdiction_name_key').on(t.jurisdictionId, t.name)],
);

/** Other names a unit goes by in documents ("人社局" = "市人社局"); learnt at import. */
export const unitAliases = pgTable(
  'unit_aliases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    alias: text('alias').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('unit_aliases_jurisdiction_alias_key').on(t.jurisdictionId, t.alias)],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** Set for reporters: the unit whose reports they write. */
    unitId: integer('unit_id').references(() => units.id),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    ...editable,
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
);

/** A login session; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamps.createdAt,
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** An uploaded file, kept as uploaded, with its hash. */
export const sourceDocuments = pgTable(
  'source_documents',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('source_documents_sha256_idx').on(t.sha256)],
);

/** An import in progress: the importer's plan document, edited by the office until committed. */
export const planImports = pgTable('plan_imports', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  jurisdictionId: integer('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  sourceDocumentId: integer('source_document_id')
    .notNull()
    .references(() => sourceDocuments.id),
  /** The plan document (docs/contracts/plan-document.md) with the office's corrections. */
  document: jsonb('document').notNull(),
  /** Unit name as printed → unit id chosen by the office (null: create it). */
  unitMapping: jsonb('unit_mapping')
    .notNull()
    .default(sql`'{}'::jsonb`),
  status: importStatus('status').notNull().default('preview'),
  planId: integer('plan_id'),
  createdBy: integer('created_by').references(() => users.id),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** One jurisdiction's list of 民生实事 for one year. */
export const plans = pgTable(
  'plans',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer'),
    docNumber: text('doc_number'),
    status: planStatus('status').notNull().default('draft'),
    declaredCategories: integer('declared_categories'),
    declaredTasks: integer('declared_tasks'),
    sourceDocumentId: integer('source_document_id').references(() => sourceDocuments.id),
    ...editable,
  },
  (t) => [index('plans_jurisdiction_year_idx').on(t.jurisdictionId, t.year)],
);

export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    declaredTasks: integer('declared_tasks'),
    ...editable,
  },
  (t) => [index('categories_plan_idx').on(t.planId)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    categoryId: integer('category_id').references(() => categories.id),
    number: integer('number').notNull(),
    title: text('title'),
    content: text('content').notNull(),
    deadlineText: text('deadline_text'),
    deadlineDate: date('deadline_date', { mode: 'string' }),
    ...editable,
  },
  (t) => [index('tasks_plan_idx').on(t.planId, t.number), index('tasks_category_idx').on(t.categoryId)],
);

/** Units answerable for a task: one lead, any co-operating; co units count only when the office says so. */
export const taskUnits = pgTable(
  'task_units',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    role: unitRole('role').notNull(),
    position: integer('position').notNull().default(0),
    countsInCompletion: boolean('counts_in_completion').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_units_unit_idx').on(t.unitId)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    position: integer('position').notNull().default(0),
    subject: text('subject'),
    value: doublePrecision('value').notNull(),
    valueMax: doublePrecision('value_max'),
    unit: text('unit'),
    comparator: comparator('comparator').notNull().default('='),
    baseline: doublePrecision('baseline'),
    text: text('text').notNull(),
    ...editable,
  },
  (t) => [index('indicators_task_idx').on(t.taskId)],
);

/** Append-only record of every write (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    jurisdictionId: integer('jurisdiction_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);

/** Key/value settings (margins, limits) per jurisdiction or global (jurisdiction null). */
export const settings = pgTable(
  'settings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    jurisdictionId: integer('jurisdiction_id').references(() => jurisdictions.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('settings_scope_key').on(t.jurisdictionId, t.key)],
);

// Reporting: periods, reports and their versions, attachments, notifications, e-mail, jobs.

export const periodStatus = pgEnum('period_status', ['open', 'closed']);
export const reportStatus = pgEnum('report_status', ['draft', 'submitted', 'accepted', 'returned']);

/** A reporting period of a plan: "2020-03" (monthly) or "2020Q3" (quarterly), due on a working day. */
export const periods = pgTable(
  'periods',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: periodStatus('status').notNull().default('open'),
    ...editable,
  },
  (t) => [uniqueIndex('periods_plan_key').on(t.planId, t.key), index('periods_due_idx').on(t.dueDate)],
);

/**
 * One unit's report on one task for one period. `values` holds the cumulative actual of each
 * indicator ([{ indicatorId, actual }]); every submission is also kept in report_versions.
 */
export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id),
    status: reportStatus('status').notNull().default('draft'),
    progressText: text('progress_text').notNull().default(''),
    values: jsonb('values')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The status Minsheng proposed from the numbers, and the one the unit chose (with why, when they differ). */
    proposedStatus: text('proposed_status'),
    reportedStatus: text('reported_status'),
    statusReason: text('status_reason'),
    /** 万元. */
    investment: doublePrecision('investment'),
    problems: text('problems'),
    nextSteps: text('next_steps'),
    reviewComment: text('review_comment'),
    /** Submitted versions so far (report_versions.number of the latest). */
    submissions: integer('submissions').notNull().default(0),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    ...editable,
  },
  (t) => [
    uniqueIndex('reports_task_unit_period_key').on(t.taskId, t.unitId, t.periodId),
    index('reports_period_idx').on(t.periodId, t.status),
    index('reports_unit_idx').on(t.unitId),
  ],
);

/** Append-only snapshots of every submitted version of a report. */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    /** Why it changed (required for a change after acceptance). */
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('report_versions_report_number_key').on(t.reportId, t.number)],
);

/** A file attached to a report; the bytes live in the store (disk or S3) under `storageKey`. */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamps.createdAt,
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('attachments_report_idx').on(t.reportId)],
);

/** In-app notifications (reminders, reviews). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

/** A user's e-mail address for reminders (accounts have none otherwise). */
export const userEmails = pgTable('user_emails', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  email: text('email').notNull(),
  updatedAt: timestamps.updatedAt,
});

/** Outgoing e-mail: sent through SMTP when configured, otherwise kept here for the admin to read. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamps.createdAt,
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt)],
);

/** Scheduled jobs claimed by key (INSERT … ON CONFLICT DO NOTHING): each runs once across processes. */
export const jobRuns = pgTable('job_runs', {
  key: text('key').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  error: text('error'),
});
