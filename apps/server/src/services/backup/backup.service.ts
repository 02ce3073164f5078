/**
 * Backup and restore: a portable gzip'd JSON-lines dump of every table, in foreign-key order,
 * stamped with the schema migration it was taken at. Restore goes into an empty, migrated
 * database of either kind, in one transaction, and resets the id sequences.
 *
 *   {"format":"minsheng-backup","formatVersion":1,"migration":"1763909757000",…}
 *   {"table":"jurisdictions","rows":12}
 *   {"id":1,"name":"吉林省",…}               ← one line per row, PostgreSQL's to_jsonb
 *   …
 *   {"end":true,"tables":14,"rows":2345}
 */
import { createReadStream, createWriteStream } from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../../db/client';
import { backupRepository, type JsonRow, type TableInfo } from '../../repositories/backup.repository';

export const BACKUP_FORMAT = 'minsheng-backup';
const PAGE = 1000;
const INSERT_BATCH = 500;

export class BackupError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'BackupError';
  }
}

interface Header {
  format: string;
  formatVersion: number;
  migration: string | null;
  createdAt: string;
  tables: string[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

/** Parents before children in a table that references itself (jurisdictions). */
function orderTree(rows: JsonRow[], [column, refColumn]: [string, string]): JsonRow[] {
  const done = new Set<unknown>();
  const ordered: JsonRow[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: JsonRow[] = [];
    for (const row of pending) {
      const parent = row[column];
      if (parent === null || parent === undefined || done.has(parent)) {
        ordered.push(row);
        done.add(row[refColumn]);
      } else next.push(row);
    }
    if (next.length === pending.length) return [...ordered, ...next]; // a cycle: let the database say so
    pending = next;
  }
  return ordered;
}

async function* dumpLines(db: Database): AsyncGenerator<string> {
  const tables = await backupRepository.listTables(db);
  const header: Header = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    migration: await backupRepository.latestMigration(db),
    createdAt: new Date().toISOString(),
    tables: tables.map((t) => t.name),
  };
  yield `${JSON.stringify(header)}\n`;
  let total = 0;
  for (const table of tables) {
    const rows = await backupRepository.countRows(db, table.name);
    yield `${JSON.stringify({ table: table.name, rows })}\n`;
    for (let offset = 0; offset < rows; offset += PAGE) {
      const page = await backupRepository.readRows(db, table, offset, PAGE);
      yield page.map((row) => `${JSON.stringify(row)}\n`).join('');
    }
    total += rows;
  }
  yield `${JSON.stringify({ end: true, tables: tables.length, rows: total })}\n`;
}

/** Writes the dump of every table to `file` (gzip). */
export async function writeBackup(db: Database, file: string): Promise<BackupSummary> {
  // Read everything in one repeatable-read snapshot so the dump is consistent while others write.
  let summary: BackupSummary = { tables: 0, rows: 0 };
  await db.transaction(
    async (tx) => {
      const source = Readable.from(dumpLines(tx));
      let last = '';
      source.on('data', (chunk: string) => {
        last = chunk;
      });
      await pipeline(source, createGzip(), createWriteStream(file));
      const end = JSON.parse(last.trim().split('\n').pop() ?? '{}') as { tables?: number; rows?: number };
      summary = { tables: end.tables ?? 0, rows: end.rows ?? 0 };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return summary;
}

/** Restores a dump into an empty database migrated to the same schema; all or nothing. */
export async function restoreBackup(db: Database, file: string): Promise<BackupSummary> {
  const lines = readline.createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const { value, done } = await iterator.next();
    if (done) throw new BackupError('备份文件不完整', 'the backup file is truncated');
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new BackupError('备份文件已损坏', 'the backup file is corrupt');
    }
  };
  try {
    let header: Header;
    try {
      header = (await next()) as Header;
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError('不是 Minsheng 备份文件', 'not a Minsheng backup file');
    }
    if (header?.format !== BACKUP_FORMAT)
      throw new BackupError('不是 Minsheng 备份文件', 'not a Minsheng backup file');
    const migration = await backupRepository.latestMigration(db);
    if (header.migration !== migration) {
      throw new BackupError(
        `备份的数据库版本（${header.migration}）与当前版本（${migration}）不一致`,
        `the backup was taken at schema migration ${header.migration}, this database is at ${migration}`,
      );
    }
    const tables = await backupRepository.listTables(db);
    const byName = new Map<string, TableInfo>(tables.map((t) => [t.name, t]));
    for (const table of tables) {
      if ((await backupRepository.countRows(db, table.name)) > 0) {
        throw new BackupError(
          `目标数据库不是空的（${table.name} 表已有数据），请恢复到新的数据库`,
          `the target database is not empty (table ${table.name} has rows); restore into a new database`,
        );
      }
    }
    return await db.transaction(async (tx) => {
      let total = 0;
      let count = 0;
      for (;;) {
        const marker = (await next()) as { table?: string; rows?: number; end?: boolean };
        if (marker.end) break;
        const table = marker.table ? byName.get(marker.table) : undefined;
        if (!table || typeof marker.rows !== 'number') {
          throw new BackupError(
            `备份中有未知的表 ${marker.table}`,
            `unknown table in the backup: ${marker.table}`,
          );
        }
        const rows: JsonRow[] = [];
        for (let i = 0; i < marker.rows; i++) rows.push((await next()) as JsonRow);
        const ordered = table.selfReference ? orderTree(rows, table.selfReference) : rows;
        for (let i = 0; i < ordered.length; i += INSERT_BATCH) {
          await backupRepository.insertRows(tx, table.name, ordered.slice(i, i + INSERT_BATCH));
        }
        total += rows.length;
        count += 1;
      }
      await backupRepository.resetSequences(tx);
      return { tables: count, rows: total };
    });
  } finally {
    lines.close();
  }
}
