import type { ImportSummary, PlanImport } from '@minsheng/contract';
import type { ImportListRow } from '../repositories/import.repository';
import type { ImportView } from '../services/imports/import.service';
import { iso } from './common';

export function presentImport({ row, document, source, unitMatches }: ImportView): PlanImport {
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    status: row.status,
    planId: row.planId,
    version: row.version,
    sourceDocument: {
      id: source.id,
      fileName: source.fileName,
      mediaType: source.mediaType,
      size: source.size,
      sha256: source.sha256,
      createdAt: iso(source.createdAt),
    },
    document,
    unitMatches,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentImportSummary(row: ImportListRow): ImportSummary {
  return {
    ...row,
    year: row.year === null ? null : Number(row.year),
    tasks: Number(row.tasks),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
