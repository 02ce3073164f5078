/**
 * Plan import: upload → the importer's plan document → preview → edits and unit mapping →
 * commit in one transaction. The plan document is docs/contracts/plan-document.md.
 */
import { z } from 'zod';
import { comparator, unitRole } from './plans';
import { version } from './common';

const nullableText = z.string().nullable();

export const planDocumentTask = z.object({
  number: z.number().int(),
  category: nullableText,
  title: nullableText,
  content: z.string(),
  units: z.array(z.object({ name: z.string(), role: unitRole })),
  deadline: z.object({ text: z.string(), date: nullableText }).nullable(),
  indicators: z.array(
    z.object({
      subject: nullableText,
      value: z.number(),
      valueMax: z.number().nullable().optional(),
      unit: nullableText,
      comparator,
      baseline: z.number().nullable(),
      text: z.string(),
    }),
  ),
  progress: z
    .object({
      text: z.string(),
      status: nullableText,
      statedPercent: z.number().nullable(),
      values: z.array(
        z.object({
          subject: nullableText,
          value: z.number(),
          unit: nullableText,
          indicator: z.number().int().nullable(),
        }),
      ),
    })
    .nullable(),
});

export const planDocument = z.object({
  kind: z.enum(['plan', 'progress']),
  title: nullableText,
  issuer: nullableText,
  docNumber: nullableText,
  year: z.number().int().nullable(),
  jurisdiction: nullableText,
  reportDate: nullableText,
  period: nullableText,
  declared: z.object({ categories: z.number().int().nullable(), tasks: z.number().int().nullable() }),
  categories: z.array(
    z.object({ ordinal: z.number().int(), name: z.string(), declaredTasks: z.number().int().nullable() }),
  ),
  tasks: z.array(planDocumentTask).max(2000),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), task: z.number().int().nullable() })),
});
export type PlanDocumentBody = z.infer<typeof planDocument>;

export const importStatus = z.enum(['preview', 'committed', 'discarded']);

/** How a unit name in the document was matched to the register. */
export const unitMatchMethod = z.enum(['exact', 'alias', 'normalized', 'none']);

export const unitMatch = z.object({
  /** The name as printed in the document. */
  name: z.string(),
  /** How many tasks name it. */
  tasks: z.number().int(),
  /** The register's suggestion, with how it was found and how sure it is (0–1). */
  suggestion: z
    .object({
      unitId: z.number().int(),
      unitName: z.string(),
      method: unitMatchMethod,
      confidence: z.number(),
    })
    .nullable(),
  /** What commit will do: map to this unit id, or (null) create a unit with this name. */
  unitId: z.number().int().nullable(),
});
export type UnitMatch = z.infer<typeof unitMatch>;

export const sourceDocument = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const planImport = z.object({
  id: z.number().int(),
  jurisdictionId: z.number().int(),
  status: importStatus,
  planId: z.number().int().nullable(),
  version,
  sourceDocument,
  document: planDocument,
  unitMatches: z.array(unitMatch),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanImport = z.infer<typeof planImport>;

/** POST /api/imports (multipart: `file`; these in the query string or as form fields). */
export const createImportQuery = z.object({
  jurisdictionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
});

/** PATCH /api/imports/:id — the office's corrections. */
export const updateImportBody = z.object({
  version,
  document: planDocument.optional(),
  /** Unit name as printed → unit id, or null to create a unit of that name on commit. */
  unitMapping: z.record(z.string(), z.number().int().positive().nullable()).optional(),
});
export type UpdateImportBody = z.infer<typeof updateImportBody>;

export const commitImportBody = z.object({
  version,
  /** Publish the plan at once (default: draft). */
  publish: z.boolean().optional(),
});
export type CommitImportBody = z.infer<typeof commitImportBody>;
export const commitImportResponse = z.object({ planId: z.number().int(), importId: z.number().int() });

/** GET /api/imports — imports of the actor's jurisdictions, newest first (previews by default). */
export const listImportsQuery = z.object({
  jurisdictionId: z.coerce.number().int().positive().optional(),
  status: importStatus.optional(),
});
export const importSummary = z.object({
  id: z.number().int(),
  jurisdictionId: z.number().int(),
  status: importStatus,
  planId: z.number().int().nullable(),
  version,
  fileName: z.string(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  tasks: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportSummary = z.infer<typeof importSummary>;
export const listImportsResponse = z.object({ items: z.array(importSummary) });
