import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { planImports, sourceDocuments } from '../db/schema';
import { staleOrMissing } from './versioning';

export type SourceDocumentRow = typeof sourceDocuments.$inferSelect;
export type NewSourceDocument = typeof sourceDocuments.$inferInsert;
export type SourceDocumentInfo = Omit<SourceDocumentRow, 'content'>;
export type PlanImportRow = typeof planImports.$inferSelect;
export type NewPlanImport = typeof planImports.$inferInsert;
export type PlanImportChanges = Partial<
  Pick<NewPlanImport, 'document' | 'unitMapping' | 'status' | 'planId'>
>;

const infoColumns = {
  id: sourceDocuments.id,
  jurisdictionId: sourceDocuments.jurisdictionId,
  fileName: sourceDocuments.fileName,
  mediaType: sourceDocuments.mediaType,
  size: sourceDocuments.size,
  sha256: sourceDocuments.sha256,
  uploadedBy: sourceDocuments.uploadedBy,
  createdAt: sourceDocuments.createdAt,
};

export const importRepository = {
  async insertSourceDocument(tx: Database, values: NewSourceDocument): Promise<SourceDocumentInfo> {
    const [row] = await tx.insert(sourceDocuments).values(values).returning(infoColumns);
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  /** The file's metadata, without its bytes. */
  async findSourceDocument(db: Database, id: number): Promise<SourceDocumentInfo | undefined> {
    const [row] = await db.select(infoColumns).from(sourceDocuments).where(eq(sourceDocuments.id, id));
    return row;
  },

  async readSourceContent(db: Database, id: number): Promise<Uint8Array | undefined> {
    const [row] = await db
      .select({ content: sourceDocuments.content })
      .from(sourceDocuments)
      .where(eq(sourceDocuments.id, id));
    return row?.content;
  },

  async insertImport(tx: Database, values: NewPlanImport): Promise<PlanImportRow> {
    const [row] = await tx.insert(planImports).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  /** Imports with their file name and the document's headline figures (not the whole document). */
  async listImports(db: Database, filter: { jurisdictionIds: number[]; status: PlanImportRow['status'] }) {
    if (filter.jurisdictionIds.length === 0) return [];
    return db
      .select({
        id: planImports.id,
        jurisdictionId: planImports.jurisdictionId,
        status: planImports.status,
        planId: planImports.planId,
        version: planImports.version,
        fileName: sourceDocuments.fileName,
        title: sql<string | null>`${planImports.document}->>'title'`,
        year: sql<number | null>`(${planImports.document}->>'year')::int`,
        tasks: sql<number>`jsonb_array_length(${planImports.document}->'tasks')`,
        createdAt: planImports.createdAt,
        updatedAt: planImports.updatedAt,
      })
      .from(planImports)
      .innerJoin(sourceDocuments, eq(sourceDocuments.id, planImports.sourceDocumentId))
      .where(
        and(
          inArray(planImports.jurisdictionId, filter.jurisdictionIds),
          eq(planImports.status, filter.status),
        ),
      )
      .orderBy(desc(planImports.id))
      .limit(200);
  },

  async findImport(db: Database, id: number): Promise<PlanImportRow | undefined> {
    const [row] = await db.select().from(planImports).where(eq(planImports.id, id));
    return row;
  },

  async updateImport(
    tx: Database,
    id: number,
    version: number,
    changes: PlanImportChanges,
  ): Promise<PlanImportRow> {
    const [row] = await tx
      .update(planImports)
      .set({ ...changes, version: sql`${planImports.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(planImports.id, id), eq(planImports.version, version)))
      .returning();
    if (row) return row;
    throw staleOrMissing((await importRepository.findImport(tx, id))?.version, 'IMPORT_NOT_FOUND');
  },
};
export type ImportRepository = typeof importRepository;
export type ImportListRow = Awaited<ReturnType<ImportRepository['listImports']>>[number];
