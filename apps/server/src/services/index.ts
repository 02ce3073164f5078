/** Wires the resource services to their repositories: one place, narrow dependencies each. */
import type { Database } from '../db/client';
import { importDocument, sniffDocumentType, type DocumentType } from '../readers/index';
import { auditRepository } from '../repositories/audit.repository';
import { importRepository } from '../repositories/import.repository';
import { jurisdictionRepository } from '../repositories/jurisdiction.repository';
import { planRepository } from '../repositories/plan.repository';
import { unitRepository } from '../repositories/unit.repository';
import { userRepository } from '../repositories/user.repository';
import { createAuditService, type AuditService } from './audit/audit.service';
import { createImportService, type ImportService, type ImportServiceDeps } from './imports/import.service';
import { createJurisdictionService, type JurisdictionService } from './jurisdictions/jurisdiction.service';
import { createPlanService, type PlanService } from './plans/plan.service';
import { createUnitService, type UnitService } from './units/unit.service';
import { createUserService, type UserService } from './users/user.service';

export interface Services {
  jurisdictions: JurisdictionService;
  units: UnitService;
  users: UserService;
  plans: PlanService;
  imports: ImportService;
  audit: AuditService;
}

const mediaTypes: Record<DocumentType, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
  txt: 'text/plain',
};

export function createServices(
  db: Database,
  overrides: Partial<Pick<ImportServiceDeps, 'readPlanDocument' | 'sniffMediaType'>> = {},
): Services {
  const jurisdictions = jurisdictionRepository;
  const units = unitRepository;
  const audit = auditRepository;
  return {
    jurisdictions: createJurisdictionService({ db, jurisdictions, audit }),
    units: createUnitService({ db, units, jurisdictions, audit }),
    users: createUserService({ db, users: userRepository, units, jurisdictions, audit }),
    plans: createPlanService({ db, plans: planRepository, units, jurisdictions, audit }),
    imports: createImportService({
      db,
      imports: importRepository,
      plans: planRepository,
      units,
      jurisdictions,
      audit,
      readPlanDocument:
        overrides.readPlanDocument ?? ((bytes, fileName, hints) => importDocument(bytes, fileName, hints)),
      sniffMediaType:
        overrides.sniffMediaType ?? ((bytes, fileName) => mediaTypes[sniffDocumentType(bytes, fileName)]),
    }),
    audit: createAuditService({ db, audit }),
  };
}
