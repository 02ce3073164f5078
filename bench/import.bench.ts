/**
 * npm run bench:import — reads each seed (and each document in fixtures/genre and fixtures/genre2,
 * any format the readers take: .txt / .html / .docx / .xlsx) that has a hand-checked
 * `<name>.expected.json` beside it through the server's reader and the core importer, times it
 * (best of N runs, MB/s) and scores it against the expected plan document (bench/lib/score.ts).
 *
 * Options: --runs N (default 5), --verbose (print every mismatch), --only SUBSTRING.
 * Exit code: 0 always unless --strict is given (then 1 when any line FAILs).
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanDocument } from '@minsheng/core';
import { buildPlanDocument } from '@minsheng/core';
import { readDocument } from '@minsheng/server/readers/index';
import { THRESHOLDS, combineScores, scoreDocument, verdict } from './lib/score';
import type { DocumentScore, Mismatch } from './lib/score';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const FIXTURE_DIRS = [
  'fixtures/seeds',
  'fixtures/genre',
  'fixtures/genre2',
  'fixtures/genre3',
  'fixtures/genre4',
  'fixtures/genre5',
];

interface Options {
  runs: number;
  verbose: boolean;
  strict: boolean;
  only: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 5, verbose: false, strict: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Math.max(1, Number(argv[++i] ?? '5') || 5);
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--only') options.only = argv[++i] ?? null;
  }
  return options;
}

interface Fixture {
  name: string;
  source: string;
  expected: string;
}

async function findFixtures(only: string | null): Promise<Fixture[]> {
  const fixtures: Fixture[] = [];
  for (const dir of FIXTURE_DIRS) {
    let names: string[];
    try {
      names = await readdir(join(root, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.expected.json')) continue;
      const stem = name.slice(0, -'.expected.json'.length);
      // The source is the stem plus one extension: "d.txt" for d.expected.json, never "d.gbk.txt".
      const source = names.find(
        (n) => n.startsWith(`${stem}.`) && !n.endsWith('.json') && !n.slice(stem.length + 1).includes('.'),
      );
      if (!source) continue;
      if (only && !`${dir}/${source}`.includes(only)) continue;
      fixtures.push({
        name: `${basename(dir)}/${stem}`,
        source: join(root, dir, source),
        expected: join(root, dir, name),
      });
    }
  }
  return fixtures;
}

interface Row {
  name: string;
  bytes: number;
  score: DocumentScore | null;
  bestMs: number | null;
  error: string | null;
}

async function importOnce(bytes: Uint8Array, fileName: string): Promise<PlanDocument> {
  const source = await readDocument(bytes, fileName);
  return buildPlanDocument(source);
}

async function runFixture(fixture: Fixture, runs: number): Promise<Row> {
  const buffer = await readFile(fixture.source);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const row: Row = { name: fixture.name, bytes: bytes.byteLength, score: null, bestMs: null, error: null };
  try {
    const expected = JSON.parse(await readFile(fixture.expected, 'utf8')) as PlanDocument;
    let best = Number.POSITIVE_INFINITY;
    let result: PlanDocument | null = null;
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      result = await importOnce(bytes, basename(fixture.source));
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      best = Math.min(best, ms);
    }
    if (!result) throw new Error('no result');
    row.bestMs = best;
    row.score = scoreDocument(result, expected);
  } catch (error) {
    row.error = error instanceof Error ? error.message : String(error);
  }
  return row;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const mark = (ok: boolean): string => (ok ? '' : '✗');

function pad(s: string, n: number): string {
  // East Asian characters take two columns.
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/u.test(ch) && !/[✗]/u.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - width));
}

const COLUMNS: Array<[string, number]> = [
  ['document', 30],
  ['tasks', 16],
  ['fields', 9],
  ['doc', 9],
  ['ind F1 (P/R)', 26],
  ['progress', 10],
  ['ms', 9],
  ['MB/s', 8],
  ['', 5],
];

function line(cells: string[]): string {
  return cells.map((c, i) => pad(c, COLUMNS[i]?.[1] ?? 8)).join(' ');
}

function scoreCells(name: string, s: DocumentScore, ms: number | null, bytes: number): string[] {
  const v = verdict(s);
  const i = s.indicators;
  const mbs = ms !== null && ms > 0 ? (bytes / 1e6 / (ms / 1000)).toFixed(2) : '-';
  return [
    name,
    `${s.tasks.found}/${s.tasks.expected} ${pct(s.tasks.share)}${mark(v.tasks)}`,
    `${pct(s.taskFields.accuracy)}${mark(v.fields)}`,
    `${s.documentFields.correct}/${s.documentFields.total}${mark(v.documentFields)}`,
    `${i.f1.toFixed(3)} (${i.precision.toFixed(2)}/${i.recall.toFixed(2)})${mark(v.indicators)}`,
    s.progress ? `${pct(s.progress.accuracy)}${mark(v.progress)}` : 'n/a',
    ms !== null ? ms.toFixed(2) : '-',
    mbs,
    v.pass ? 'PASS' : 'FAIL',
  ];
}

function ranges(numbers: number[]): string {
  const out: string[] = [];
  let start: number | null = null;
  let prev: number | null = null;
  for (const n of [...numbers].sort((a, b) => a - b)) {
    if (start !== null && prev !== null && n === prev + 1) {
      prev = n;
      continue;
    }
    if (start !== null) out.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = n;
    prev = n;
  }
  if (start !== null) out.push(start === prev ? `${start}` : `${start}-${prev}`);
  return out.join(', ');
}

function printMismatches(name: string, mismatches: Mismatch[], limit: number): void {
  if (mismatches.length === 0) return;
  const missing = mismatches.filter((m) => m.field === 'task' && m.actual === 'missing');
  const extra = mismatches.filter((m) => m.field === 'task' && m.actual === 'extra task');
  const rest = mismatches.filter((m) => m.field !== 'task');
  console.log(`\n  ${name}: ${mismatches.length} mismatch(es)`);
  if (missing.length)
    console.log(`    missing tasks: ${ranges(missing.flatMap((m) => (m.task === null ? [] : [m.task])))}`);
  if (extra.length)
    console.log(`    extra tasks: ${ranges(extra.flatMap((m) => (m.task === null ? [] : [m.task])))}`);
  for (const m of rest.slice(0, limit)) {
    const where = m.task === null ? 'doc' : `#${m.task}`;
    console.log(`    ${where} ${m.field}: expected ${m.expected} | actual ${m.actual}`);
  }
  if (rest.length > limit) console.log(`    … ${rest.length - limit} more (--verbose to see all)`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const fixtures = await findFixtures(options.only);
  console.log(
    `bench:import — ${fixtures.length} document(s) with expected JSON, best of ${options.runs} run(s)`,
  );
  console.log(
    `thresholds: tasks ${pct(THRESHOLDS.tasks)}, fields ≥ ${THRESHOLDS.fields} (task and document fields), ` +
      `indicator F1 ≥ ${THRESHOLDS.indicatorF1}, progress ≥ ${THRESHOLDS.progress}\n`,
  );
  const rows: Row[] = [];
  for (const fixture of fixtures) rows.push(await runFixture(fixture, options.runs));

  console.log(line(COLUMNS.map(([h]) => h)));
  console.log('-'.repeat(COLUMNS.reduce((w, [, n]) => w + n + 1, 0)));
  for (const row of rows) {
    if (row.score) console.log(line(scoreCells(row.name, row.score, row.bestMs, row.bytes)));
    else console.log(line([row.name, `ERROR: ${row.error ?? 'unknown'}`]).trimEnd() + '  FAIL');
  }
  const scored = rows.flatMap((r) => (r.score ? [r.score] : []));
  const failed = rows.filter((r) => !r.score || !verdict(r.score).pass).length;
  console.log('-'.repeat(COLUMNS.reduce((w, [, n]) => w + n + 1, 0)));
  if (scored.length > 0) {
    const totalMs = rows.reduce((acc, r) => acc + (r.score && r.bestMs !== null ? r.bestMs : 0), 0);
    const totalBytes = rows.reduce((acc, r) => acc + (r.score ? r.bytes : 0), 0);
    const overall = combineScores(scored);
    const cells = scoreCells(`overall (${scored.length}/${rows.length} ran)`, overall, totalMs, totalBytes);
    cells[8] = failed === 0 ? 'PASS' : 'FAIL';
    console.log(line(cells));
    const i = overall.indicators;
    const agree = (r: { correct: number; total: number }): string =>
      r.total === 0 ? '-' : `${r.correct}/${r.total} ${pct(r.correct / r.total)}`;
    console.log(
      `\nindicators: TP ${i.truePositives}, FP ${i.falsePositives}, FN ${i.falseNegatives}; ` +
        `subject agrees ${agree(i.subjectAgreement)}, text agrees ${agree(i.textAgreement)}, ` +
        `baseline/valueMax agree ${agree(i.baselineAgreement)}`,
    );
    const perField = Object.entries(overall.taskFields.perField)
      .map(([f, r]) => `${f} ${agree(r)}`)
      .join(', ');
    console.log(`task fields: ${perField}`);
    if (overall.progress) console.log(`progress text agrees ${agree(overall.progress.textAgreement)}`);
    for (const row of rows) {
      if (!row.score) continue;
      const w = row.score.warnings;
      const notes = [
        row.score.period ? '' : 'period differs',
        row.score.categories ? '' : 'categories differ',
        w.missingCodes.length ? `warnings missing: ${w.missingCodes.join(', ')}` : '',
        w.extraCodes.length ? `warnings extra: ${w.extraCodes.join(', ')}` : '',
      ].filter(Boolean);
      if (notes.length) console.log(`  ${row.name}: ${notes.join('; ')}`);
    }
    for (const row of rows) {
      if (row.score) printMismatches(row.name, row.score.mismatches, options.verbose ? Infinity : 12);
    }
  }
  console.log(`\n${failed === 0 ? 'PASS' : 'FAIL'}: ${rows.length - failed}/${rows.length} document(s) pass`);
  if (options.strict && failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
