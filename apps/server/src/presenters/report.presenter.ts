import type {
  Attachment,
  Notification,
  PeriodTask,
  Report,
  ReportValue,
  ReportVersion,
  StatusProposal,
  TaskRatingView,
} from '@minsheng/contract';
import { ratingLabels } from '@minsheng/core';
import type { NotificationRow, OutboxRow } from '../repositories/notification.repository';
import type { AttachmentRow, ReportVersionRow } from '../repositories/report.repository';
import type { Evaluation } from '../services/reporting/evaluate';
import type { TaskRatingRow } from '../services/reporting/rating.service';
import type { PeriodTaskView, ReportView } from '../services/reporting/report.service';
import { iso } from './common';
import { presentIndicator } from './plan.presenter';

export function presentAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    reportId: row.reportId,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    createdAt: iso(row.createdAt),
  };
}

export function presentReport({ report: row, attachments }: ReportView): Report {
  return {
    id: row.id,
    taskId: row.taskId,
    unitId: row.unitId,
    periodId: row.periodId,
    status: row.status,
    progressText: row.progressText,
    values: row.values as ReportValue[],
    proposedStatus: row.proposedStatus,
    reportedStatus: row.reportedStatus,
    statusReason: row.statusReason,
    investment: row.investment,
    problems: row.problems,
    nextSteps: row.nextSteps,
    reviewComment: row.reviewComment,
    submissions: row.submissions,
    submittedBy: row.submittedBy,
    submittedAt: iso(row.submittedAt),
    reviewedBy: row.reviewedBy,
    reviewedAt: iso(row.reviewedAt),
    attachments: attachments.map(presentAttachment),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPeriodTask(v: PeriodTaskView): PeriodTask {
  return {
    taskId: v.task.id,
    number: v.task.number,
    title: v.task.title,
    content: v.task.content,
    categoryId: v.task.categoryId,
    deadlineText: v.task.deadlineText,
    deadlineDate: v.task.deadlineDate,
    unitId: v.unitId,
    role: v.role,
    indicators: v.indicators.map(presentIndicator),
    report: v.report ? presentReport(v.report) : null,
  };
}

export function presentReportVersion(row: ReportVersionRow): ReportVersion {
  return {
    id: row.id,
    reportId: row.reportId,
    number: row.number,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    snapshot: row.snapshot as ReportVersion['snapshot'],
  };
}

export function presentProposal(e: Evaluation): StatusProposal {
  return {
    proposedStatus: e.proposedStatus,
    rating: e.proposal.rating,
    completion: e.proposal.completion,
    expected: e.proposal.expected,
    reason: e.proposal.reason,
    reasonEn: e.proposal.reasonEn,
    statedPercentCheck: e.statedPercentCheck,
  };
}

export function presentTaskRating(r: TaskRatingRow): TaskRatingView {
  return {
    taskId: r.task.id,
    number: r.task.number,
    title: r.task.title,
    categoryId: r.task.categoryId,
    leadUnitId: r.leadUnitId,
    reportId: r.reportId,
    rating: r.rating,
    label: ratingLabels[r.rating].zh,
    labelEn: ratingLabels[r.rating].en,
    completion: r.completion,
    expected: r.expected,
    gap: r.gap,
    reason: r.reason,
    reasonEn: r.reasonEn,
    reportedStatus: r.reportedStatus,
    statedPercentCheck: r.statedPercentCheck,
  };
}

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: iso(row.readAt),
    createdAt: iso(row.createdAt),
  };
}

export function presentOutboxEmail(row: OutboxRow) {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    body: row.body,
    createdAt: iso(row.createdAt),
    sentAt: iso(row.sentAt),
    error: row.error,
  };
}
