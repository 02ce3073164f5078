/**
 * `minsheng backup FILE` and `minsheng restore FILE`: on the database the server uses
 * (DATABASE_URL, else the PGlite data folder MINSHENG_DATA_DIR or ./data).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { BackupError, restoreBackup, writeBackup } from '../services/backup/backup.service';

const USAGE = `用法 / usage:
  minsheng backup FILE  [--database-url URL] [--data-dir DIR]   备份全部数据到 FILE（gzip JSON lines）
  minsheng restore FILE [--database-url URL] [--data-dir DIR]   把 FILE 恢复到一个空的数据库
`;

function fail(zh: string, en: string, code = 1): number {
  process.stderr.write(`minsheng: ${zh} / ${en}\n`);
  return code;
}

function parse(args: string[]): { file: string; databaseUrl?: string; dataDir?: string } | number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(
      '参数错误',
      error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'bad arguments',
      2,
    );
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  return {
    file,
    databaseUrl: parsed.values['database-url'] ?? process.env.DATABASE_URL ?? undefined,
    dataDir: parsed.values['data-dir'] ?? process.env.MINSHENG_DATA_DIR ?? './data',
  };
}

async function withDatabase(
  options: { databaseUrl?: string; dataDir?: string },
  run: (handle: DatabaseHandle) => Promise<number>,
): Promise<number> {
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ databaseUrl: options.databaseUrl || undefined, dataDir: options.dataDir });
  } catch (error) {
    return fail('无法打开数据库', error instanceof Error ? error.message : String(error));
  }
  try {
    return await run(handle);
  } catch (error) {
    if (error instanceof BackupError) return fail(error.messageZh, error.messageEn);
    return fail('操作失败', error instanceof Error ? error.message : String(error));
  } finally {
    await handle.close();
  }
}

export async function runBackup(args: string[]): Promise<number> {
  const options = parse(args);
  if (typeof options === 'number') return options;
  if (existsSync(options.file)) return fail(`文件已存在：${options.file}`, `file exists: ${options.file}`);
  return withDatabase(options, async (handle) => {
    const summary = await writeBackup(handle.db, options.file);
    process.stdout.write(
      `备份完成 / backed up ${summary.tables} tables, ${summary.rows} rows → ${options.file}\n`,
    );
    return 0;
  });
}

export async function runRestore(args: string[]): Promise<number> {
  const options = parse(args);
  if (typeof options === 'number') return options;
  if (!existsSync(options.file))
    return fail(`文件不存在：${options.file}`, `file not found: ${options.file}`);
  return withDatabase(options, async (handle) => {
    const summary = await restoreBackup(handle.db, options.file);
    process.stdout.write(
      `恢复完成 / restored ${summary.tables} tables, ${summary.rows} rows from ${options.file}\n`,
    );
    return 0;
  });
}
