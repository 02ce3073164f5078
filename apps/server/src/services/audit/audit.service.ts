import type { Database } from '../../db/client';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { AuditRepository, AuditRow } from '../../repositories/audit.repository';
import { readableJurisdictionIds } from '../scope';

export interface AuditServiceDeps {
  db: Database;
  audit: AuditRepository;
}

export function createAuditService({ db, audit }: AuditServiceDeps) {
  return {
    /** The newest entries first, within the actor's jurisdictions. */
    async list(
      actor: RequestActor | null,
      query: { entity?: string; entityId?: string; jurisdictionId?: number; limit?: number },
    ): Promise<AuditRow[]> {
      requireAccess(actor, 'audit.read', { jurisdictionId: query.jurisdictionId ?? null });
      const jurisdictionIds =
        query.jurisdictionId !== undefined
          ? [query.jurisdictionId]
          : readableJurisdictionIds(actor, 'audit.read');
      return audit.list(db, { ...query, jurisdictionIds, limit: query.limit ?? 100 });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
