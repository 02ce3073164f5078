import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { can, requireAccess, type Action } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { AttachmentRow, ReportRepository } from '../../repositories/report.repository';
import { auditActor } from '../scope';
import { sha256Hex, sniffAttachment, type AttachmentStore } from './attachment-store';
import type { ReportService } from './report.service';

export interface AttachmentServiceDeps {
  db: Database;
  reports: Pick<ReportRepository, 'insertAttachment' | 'findAttachment' | 'retireAttachment'>;
  /** Loads a report with its plan and unit (the report service's loader). */
  loadReport: ReportService['load'];
  store: AttachmentStore;
  audit: AuditRepository;
}

export function createAttachmentService({ db, reports, loadReport, store, audit }: AttachmentServiceDeps) {
  async function reach(actor: RequestActor, action: Action, reportId: number) {
    const loaded = await loadReport(reportId);
    const ok =
      can(actor, action, { jurisdictionId: loaded.plan.jurisdictionId, unitId: loaded.unit.id }) ||
      can(actor, action, { jurisdictionId: loaded.unit.jurisdictionId, unitId: loaded.unit.id });
    if (!ok) throw new AppError('FORBIDDEN');
    return loaded;
  }

  return {
    /** Type sniffed from the bytes, size limited; stored before the row that names it commits. */
    async upload(
      actor: RequestActor | null,
      reportId: number,
      file: { fileName: string; bytes: Uint8Array },
    ): Promise<AttachmentRow> {
      requireAccess(actor, 'report.write');
      const { report, plan } = await reach(actor, 'report.write', reportId);
      if (report.status === 'submitted' || report.status === 'accepted') {
        throw new AppError('REPORT_ALREADY_SUBMITTED');
      }
      const mediaType = sniffAttachment(file.bytes);
      const sha256 = sha256Hex(file.bytes);
      const storageKey = await store.put(sha256, file.bytes);
      const fileName = file.fileName.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
      return db.transaction(async (tx) => {
        const row = await reports.insertAttachment(tx, {
          reportId,
          fileName,
          mediaType,
          size: file.bytes.length,
          sha256,
          storageKey,
          uploadedBy: auditActor(actor).actorUserId,
        });
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'attach',
          entity: 'report',
          entityId: reportId,
          jurisdictionId: plan.jurisdictionId,
          before: null,
          after: row,
        });
        return row;
      });
    },

    async download(
      actor: RequestActor | null,
      id: number,
    ): Promise<{ row: AttachmentRow; bytes: Uint8Array }> {
      requireAccess(actor, 'report.read');
      const row = await reports.findAttachment(db, id);
      if (!row || row.retiredAt) throw new AppError('ATTACHMENT_NOT_FOUND');
      await reach(actor, 'report.read', row.reportId);
      return { row, bytes: await store.get(row.storageKey) };
    },

    async retire(actor: RequestActor | null, id: number): Promise<void> {
      requireAccess(actor, 'report.write');
      const row = await reports.findAttachment(db, id);
      if (!row || row.retiredAt) throw new AppError('ATTACHMENT_NOT_FOUND');
      const { report, plan } = await reach(actor, 'report.write', row.reportId);
      if (report.status === 'submitted' || report.status === 'accepted') {
        throw new AppError('REPORT_ALREADY_SUBMITTED');
      }
      await db.transaction(async (tx) => {
        await reports.retireAttachment(tx, id);
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'detach',
          entity: 'report',
          entityId: row.reportId,
          jurisdictionId: plan.jurisdictionId,
          before: row,
          after: null,
        });
      });
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
