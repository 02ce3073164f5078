/**
 * The SQL behind backup and restore: every table of the public schema in foreign-key order,
 * rows as PostgreSQL's own JSON (to_jsonb: exact timestamps, bytea as hex, jsonb as is) and
 * back (jsonb_populate_recordset), so a dump moves between PGlite and PostgreSQL unchanged.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { queryRows } from './raw';

export interface TableInfo {
  name: string;
  /** Primary-key columns: the dump's row order. */
  primaryKey: string[];
  /** A column referencing this same table (a tree), as [column, referenced column]. */
  selfReference: [string, string] | null;
}

export type JsonRow = Record<string, unknown>;

const ident = (name: string) => sql.identifier(name);

export const backupRepository = {
  /** Public tables, each after the tables it references. */
  async listTables(db: Database): Promise<TableInfo[]> {
    const tables = await queryRows<{ name: string }>(
      db,
      sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    const keys = await queryRows<{ table_name: string; column_name: string; position: number }>(
      db,
      sql`SELECT c.relname AS table_name, a.attname AS column_name, k.ord AS position
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
          WHERE n.nspname = 'public' AND i.indisprimary
          ORDER BY c.relname, k.ord`,
    );
    const refs = await queryRows<{
      table_name: string;
      ref_table: string;
      column_name: string;
      ref_column: string;
      ncols: number;
    }>(
      db,
      sql`SELECT c.relname AS table_name, r.relname AS ref_table,
                 a.attname AS column_name, ra.attname AS ref_column, array_length(f.conkey, 1) AS ncols
          FROM pg_constraint f
          JOIN pg_class c ON c.oid = f.conrelid
          JOIN pg_class r ON r.oid = f.confrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = f.conkey[1]
          JOIN pg_attribute ra ON ra.attrelid = r.oid AND ra.attnum = f.confkey[1]
          WHERE f.contype = 'f' AND n.nspname = 'public'`,
    );
    const names = tables.map((t) => t.name);
    const dependsOn = new Map(names.map((n) => [n, new Set<string>()]));
    for (const ref of refs)
      if (ref.table_name !== ref.ref_table) dependsOn.get(ref.table_name)?.add(ref.ref_table);
    const ordered: string[] = [];
    const visit = (name: string, path: Set<string>) => {
      if (ordered.includes(name) || path.has(name)) return;
      path.add(name);
      for (const dep of [...(dependsOn.get(name) ?? [])].sort()) visit(dep, path);
      path.delete(name);
      ordered.push(name);
    };
    for (const name of names) visit(name, new Set());
    return ordered.map((name) => {
      const self = refs.find((r) => r.table_name === name && r.ref_table === name && Number(r.ncols) === 1);
      const primaryKey = keys.filter((k) => k.table_name === name).map((k) => k.column_name);
      return { name, primaryKey, selfReference: self ? [self.column_name, self.ref_column] : null };
    });
  },

  async readRows(db: Database, table: TableInfo, offset: number, limit: number): Promise<JsonRow[]> {
    const order = table.primaryKey.length
      ? sql.join(
          table.primaryKey.map((c) => sql`t.${ident(c)}`),
          sql`, `,
        )
      : sql`1`;
    const rows = await queryRows<{ row: JsonRow | string }>(
      db,
      sql`SELECT to_jsonb(t) AS row FROM ${ident(table.name)} t ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => (typeof r.row === 'string' ? (JSON.parse(r.row) as JsonRow) : r.row));
  },

  async insertRows(tx: Database, table: string, rows: JsonRow[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.execute(
      sql`INSERT INTO ${ident(table)} SELECT * FROM jsonb_populate_recordset(NULL::${ident(table)}, ${JSON.stringify(rows)}::jsonb)`,
    );
  },

  async countRows(db: Database, table: string): Promise<number> {
    const [row] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${ident(table)}`);
    return Number(row?.n ?? 0);
  },

  /** Sets every serial / identity sequence past the largest id restored. */
  async resetSequences(tx: Database): Promise<void> {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      tx,
      sql`SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
    );
    for (const { table_name, column_name } of columns) {
      await tx.execute(
        sql`SELECT setval(pg_get_serial_sequence(${`"${table_name}"`}, ${column_name}),
                          COALESCE((SELECT max(${ident(column_name)}) FROM ${ident(table_name)}), 0) + 1, false)`,
      );
    }
  },

  /** The newest migration applied (drizzle's journal timestamp), or null on an unmigrated database. */
  async latestMigration(db: Database): Promise<string | null> {
    const [row] = await queryRows<{ created_at: string | number | null }>(
      db,
      sql`SELECT max(created_at)::text AS created_at FROM drizzle.__drizzle_migrations`,
    );
    return row?.created_at == null ? null : String(row.created_at);
  },
};
export type BackupRepository = typeof backupRepository;
