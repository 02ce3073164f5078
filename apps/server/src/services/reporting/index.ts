/** The reporting services (periods, reports, ratings, alerts, notifications, imports, attachments). */
import path from 'node:path';
import type { Database } from '../../db/client';
import { importDocument } from '../../readers/index';
import { auditRepository } from '../../repositories/audit.repository';
import { jurisdictionRepository } from '../../repositories/jurisdiction.repository';
import { notificationRepository } from '../../repositories/notification.repository';
import { periodRepository } from '../../repositories/period.repository';
import { planRepository } from '../../repositories/plan.repository';
import { reportRepository } from '../../repositories/report.repository';
import { unitRepository } from '../../repositories/unit.repository';
import { createDiskStore, type AttachmentStore } from './attachment-store';
import { createAttachmentService, type AttachmentService } from './attachment.service';
import { createNotificationService, type NotificationService } from './notification.service';
import { createPeriodService, type PeriodService } from './period.service';
import { createProgressImportService, type ProgressImportService } from './progress-import.service';
import { createRatingService, type RatingService } from './rating.service';
import { createReportService, type ReportService } from './report.service';

export interface ReportingServices {
  periods: PeriodService;
  reports: ReportService;
  ratings: RatingService;
  notifications: NotificationService;
  progressImports: ProgressImportService;
  attachments: AttachmentService;
}

export interface ReportingOptions {
  /** MINSHENG_DATA_DIR: attachments go to <dataDir>/uploads (default ./data). */
  dataDir?: string;
  /** Another attachment store (an S3-compatible one); default the disk store. */
  store?: AttachmentStore;
}

export function createReportingServices(db: Database, options: ReportingOptions = {}): ReportingServices {
  const audit = auditRepository;
  const jurisdictions = jurisdictionRepository;
  const reports = createReportService({
    db,
    reports: reportRepository,
    periods: periodRepository,
    plans: planRepository,
    units: unitRepository,
    jurisdictions,
    notifications: notificationRepository,
    audit,
  });
  const store =
    options.store ?? createDiskStore(path.join(path.resolve(options.dataDir ?? './data'), 'uploads'));
  return {
    periods: createPeriodService({ db, periods: periodRepository, plans: planRepository, audit }),
    reports,
    ratings: createRatingService({
      db,
      reports: reportRepository,
      periods: periodRepository,
      plans: planRepository,
      jurisdictions,
    }),
    notifications: createNotificationService({ db, notifications: notificationRepository, audit }),
    progressImports: createProgressImportService({
      db,
      reports: reportRepository,
      periods: periodRepository,
      plans: planRepository,
      jurisdictions,
      audit,
      readPlanDocument: (bytes, fileName, year) => importDocument(bytes, fileName, { year }),
    }),
    attachments: createAttachmentService({
      db,
      reports: reportRepository,
      loadReport: reports.load,
      store,
      audit,
    }),
  };
}
