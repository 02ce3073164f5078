import type { AuditEntry } from '@minsheng/contract';
import type { AuditRow } from '../repositories/audit.repository';

export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    jurisdictionId: row.jurisdictionId,
    before: row.before,
    after: row.after,
  };
}
