import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { PlanDocument } from '@minsheng/core';
import { importDocument } from '../readers';
import { DocumentReadError } from '../readers/read-error';
import { DEFAULT_UPLOAD_LIMITS, formatBytes } from '../uploads/limits';

export const IMPORT_USAGE = `用法 / usage: minsheng import FILE [--json] [--year N] [--jurisdiction NAME]

  读取民生实事文件（.docx .xlsx .html .txt），输出计划文档。
  Reads a 民生实事 document and prints its plan document.

  --json               输出 JSON / print the plan document as JSON
  --year N             文件未写明年份时使用 / plan year when the text gives none
  --jurisdiction NAME  文件未写明地区时使用 / jurisdiction when the text names none
`;

/** An error the command reports on one line of stderr, with its exit code (1 input, 2 usage). */
export class CommandError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly exitCode: 1 | 2,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}

interface ImportOptions {
  file: string;
  json: boolean;
  year: number | null;
  jurisdiction: string | null;
}

function usage(zh: string, en: string): CommandError {
  return new CommandError(zh, en, 2);
}

export function parseImportArgs(args: string[]): ImportOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        year: { type: 'string' },
        jurisdiction: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw usage('参数错误', `bad arguments: ${message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw usage('缺少文件名', 'missing FILE (minsheng import FILE --json)');
  if (positionals.length > 1)
    throw usage('只能导入一个文件', `one FILE at a time, got ${positionals.length}`);
  let year: number | null = null;
  if (values.year !== undefined) {
    const text = values.year.trim();
    if (!/^\d{4}$/.test(text) || Number(text) < 1949 || Number(text) > 2200) {
      throw usage(`年份无效：${values.year}`, `--year must be a year such as 2017, got "${values.year}"`);
    }
    year = Number(text);
  }
  let jurisdiction: string | null = null;
  if (values.jurisdiction !== undefined) {
    jurisdiction = values.jurisdiction.trim();
    if (!jurisdiction) throw usage('地区不能为空', '--jurisdiction must not be empty');
  }
  return { file: positionals[0] ?? '', json: values.json === true, year, jurisdiction };
}

async function readInput(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new DocumentReadError('FILE_NOT_FOUND', `文件不存在：${file}`, `file not found: ${file}`);
  }
  if (!info.isFile())
    throw new DocumentReadError('FILE_NOT_FOUND', `不是文件：${file}`, `not a file: ${file}`);
  // Refuse before reading: a huge file should not be loaded into memory just to be rejected.
  if (info.size > DEFAULT_UPLOAD_LIMITS.maxFileBytes) {
    throw new DocumentReadError(
      'FILE_TOO_LARGE',
      `文件超过 ${formatBytes(DEFAULT_UPLOAD_LIMITS.maxFileBytes)} 上限：${file}`,
      `file larger than the ${formatBytes(DEFAULT_UPLOAD_LIMITS.maxFileBytes)} limit: ${file}`,
    );
  }
  return new Uint8Array(await readFile(file));
}

/** The short summary printed without --json. */
export function summarizePlan(plan: PlanDocument, file: string): string {
  const lines = [
    `${basename(file)}`,
    `  标题 title:        ${plan.title ?? '—'}`,
    `  年份 year:         ${plan.year ?? '—'}`,
    `  地区 jurisdiction: ${plan.jurisdiction ?? '—'}`,
    `  类型 kind:         ${plan.kind}`,
    `  ${plan.categories.length} 个类别 categories, ${plan.tasks.length} 项任务 tasks, ${plan.warnings.length} 条提示 warnings`,
  ];
  for (const warning of plan.warnings) {
    lines.push(`  ! ${warning.code}${warning.task === null ? '' : ` #${warning.task}`}: ${warning.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `minsheng import FILE [--json] [--year N] [--jurisdiction NAME]`. */
export async function runImport(args: string[]): Promise<number> {
  const options = parseImportArgs(args);
  if (options === 'help') {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  const bytes = await readInput(options.file);
  const plan = await importDocument(bytes, basename(options.file), {
    year: options.year,
    jurisdiction: options.jurisdiction,
  });
  process.stdout.write(
    options.json ? `${JSON.stringify(plan, null, 2)}\n` : summarizePlan(plan, options.file),
  );
  return 0;
}
