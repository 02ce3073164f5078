import type { ImportHints, PlanDocument, SourceDocument } from '../model';

/** Reads the structure of a 民生实事 document: the importer's core. */
export function buildPlanDocument(source: SourceDocument, hints: ImportHints = {}): PlanDocument {
  void source;
  return {
    kind: 'plan',
    title: null,
    issuer: null,
    docNumber: null,
    year: hints.year ?? null,
    jurisdiction: hints.jurisdiction ?? null,
    reportDate: null,
    period: null,
    declared: { categories: null, tasks: null },
    categories: [],
    tasks: [],
    warnings: [],
  };
}
