import { existsSync } from 'node:fs';
import { CommandError, IMPORT_USAGE, runImport } from './import-command';
import { isDocumentReadError } from '../readers/read-error';

const USAGE = `minsheng — 民生实事督办平台 command line

用法 / usage:
  minsheng import FILE [--json] [--year N] [--jurisdiction NAME]   导入文件 / import a document
  minsheng backup ...                                              备份 / back up the database
  minsheng restore ...                                             恢复 / restore a backup
  minsheng --help

${IMPORT_USAGE}`;

type Command = (args: string[]) => Promise<number>;

interface BackupModule {
  runBackup: Command;
  runRestore: Command;
}

/** backup / restore live in ./backup-command.ts, written separately; loaded only when asked for. */
async function loadBackupModule(): Promise<BackupModule | null> {
  const candidates = ['./backup-command.ts', './backup-command.js'];
  const found = candidates.find((candidate) => existsSync(new URL(candidate, import.meta.url)));
  if (!found) return null;
  const specifier: string = new URL(found, import.meta.url).href;
  return (await import(/* @vite-ignore */ specifier)) as BackupModule;
}

async function runBackupCommand(name: 'backup' | 'restore', args: string[]): Promise<number> {
  const module = await loadBackupModule();
  const command = module?.[name === 'backup' ? 'runBackup' : 'runRestore'];
  if (typeof command !== 'function') {
    throw new CommandError(`${name} 命令尚不可用`, `${name} is not available yet`, 2);
  }
  return command(args);
}

/** One line, Chinese and English: "minsheng: 文件不存在：x.docx / file not found: x.docx". */
function reportError(messageZh: string, messageEn: string): void {
  const line = `minsheng: ${messageZh} / ${messageEn}`.replace(/[\r\n]+/g, ' ');
  process.stderr.write(`${line}\n`);
}

let pipeGuarded = false;

/** `minsheng import x --json | head` closes stdout early: that is not an error worth a stack trace. */
function guardClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Entry point of the `minsheng` command. Returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  guardClosedPipe();
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
        throw new CommandError('缺少命令', 'missing command (see minsheng --help)', 2);
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case 'import':
        return await runImport(rest);
      case 'backup':
      case 'restore':
        return await runBackupCommand(command, rest);
      default:
        throw new CommandError(
          `未知命令：${command}`,
          `unknown command: ${command} (see minsheng --help)`,
          2,
        );
    }
  } catch (error) {
    if (error instanceof CommandError) {
      reportError(error.messageZh, error.messageEn);
      return error.exitCode;
    }
    if (isDocumentReadError(error)) {
      reportError(error.messageZh, error.messageEn);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    reportError('导入失败', `unexpected error: ${message}`);
    return 1;
  }
}
