/**
 * Seeded fuzzing of the import path: mutated, truncated and shuffled seed texts and random table
 * models through textToSource + buildPlanDocument, and damaged renderings through the readers.
 * Nothing may throw (the readers may only throw DocumentReadError) and no document may take long:
 * the time bound is a safety net against runaway regular expressions, not a benchmark.
 */
import {
  buildPlanDocument,
  textToSource,
  type PlanDocument,
  type SourceDocument,
  type TableCell,
  type TableRow,
} from '@minsheng/core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../src/readers';
import { DocumentReadError } from '../../src/readers/read-error';
import { readSeed, renderSeed, SEED_FILES } from './render-seeds';

const SEED = 20261123;
const MAX_MS_PER_DOCUMENT = 2000;

const SEEDS = SEED_FILES.map((file) => readSeed(file));

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

function importText(text: string): PlanDocument {
  return buildPlanDocument(textToSource(text, 'txt'), {});
}

const FRAGMENTS = [
  '\t',
  '\n',
  '\n\n',
  '\t1\n',
  '\t序号\n\t类别\n\t内容\n',
  '（5项）',
  '一、',
  '（十二）',
  '12、',
  '市人社局、各县（市）区',
  '11月底',
  '一季度末',
  '1.06万人',
  '由1000元提高到1500元至5000元',
  '占年计划90.5%',
  '２０１７年',
  '吉政发〔２０１７〕９号',
  '　',
  '\u00a0',
  '|',
  '（',
  '）',
  '%',
  '万',
  '亿',
  '年',
];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'shuffleLines'; seed: number }
  | { kind: 'swapLines'; a: number; b: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    ),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffleLines' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, mutation: Mutation): string {
  const at = text.length === 0 ? 0 : ('at' in mutation ? mutation.at : 0) % (text.length + 1);
  switch (mutation.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'duplicate':
      return (
        text.slice(0, at + mutation.length) +
        text.slice(at, at + mutation.length) +
        text.slice(at + mutation.length)
      );
    case 'truncate':
      return text.slice(0, at);
    case 'shuffleLines': {
      const lines = text.split('\n');
      let state = mutation.seed + 1;
      for (let i = lines.length - 1; i > 0; i--) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        const j = state % (i + 1);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      }
      return lines.join('\n');
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = mutation.a % lines.length;
      const b = mutation.b % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
  }
}

describe('fuzz: mutated seed texts', () => {
  it('never throw and stay fast', () => {
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SEEDS.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
        (index, mutations) => {
          const text = mutations.reduce(mutate, SEEDS[index] ?? '');
          const { value, ms } = timed(() => importText(text));
          slowest = Math.max(slowest, ms);
          expect(ms).toBeLessThan(MAX_MS_PER_DOCUMENT);
          expect(Array.isArray(value.tasks)).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
    expect(slowest).toBeLessThan(MAX_MS_PER_DOCUMENT);
  });
});

const CELL_TEXTS = [
  '',
  '序号',
  '类别',
  '工作内容',
  '责任单位',
  '完成时限',
  '推进情况',
  '1',
  '2',
  '17',
  '就\n业\n增\n收\n（5项）',
  '城镇新增就业9万人',
  '发放创业担保贷款8700万元',
  '市人社局\n各县(市)区',
  '11月',
  '年底前',
  '正常\n推进',
  '完成9539人，占年计划90.5%',
  '—',
];

const cellArbitrary: fc.Arbitrary<TableCell> = fc.record(
  {
    text: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...CELL_TEXTS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    ),
    colSpan: fc.integer({ min: 1, max: 4 }),
    rowSpan: fc.integer({ min: 1, max: 4 }),
    mergedFromAbove: fc.boolean(),
  },
  { requiredKeys: ['text'] },
);

const tableArbitrary: fc.Arbitrary<TableRow[]> = fc.array(
  fc.record({ cells: fc.array(cellArbitrary, { minLength: 0, maxLength: 9 }) }),
  { minLength: 0, maxLength: 40 },
);

describe('fuzz: random table models', () => {
  it('never throw and stay fast', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('paragraph' as const),
              text: fc.constantFrom(...CELL_TEXTS, '一、就业创业方面（３项）'),
            }),
            fc.record({ kind: fc.constant('table' as const), rows: tableArbitrary }),
          ),
          { maxLength: 6 },
        ),
        fc.constantFrom('docx' as const, 'xlsx' as const, 'html' as const, 'txt' as const),
        (blocks, format) => {
          const source: SourceDocument = { format, blocks };
          const { ms } = timed(() => buildPlanDocument(source, { year: 2020 }));
          expect(ms).toBeLessThan(MAX_MS_PER_DOCUMENT);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('fuzz: damaged renderings through the readers', () => {
  const files: { name: string; bytes: Uint8Array }[] = [];

  beforeAll(async () => {
    for (const file of [SEED_FILES[2], SEED_FILES[4]]) {
      const { docx, xlsx } = await renderSeed(file);
      files.push(
        { name: file.replace('.txt', '.docx'), bytes: docx },
        { name: file.replace('.txt', '.xlsx'), bytes: xlsx },
      );
    }
    const html = `<html><body><table>${SEEDS[4]
      ?.split('\n\n')
      .map(
        (row) =>
          `<tr>${row
            .split('\t')
            .map((cell) => `<td>${cell}</td>`)
            .join('')}</tr>`,
      )
      .join('')}</table></body></html>`;
    files.push({ name: 'page.html', bytes: new TextEncoder().encode(html) });
  }, 60_000);

  it('only ever throw DocumentReadError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
        fc.option(fc.nat(), { nil: null }),
        async (which, flips, cut) => {
          const file = files[which % files.length];
          if (!file) return;
          const bytes = file.bytes.slice();
          for (const flip of flips) bytes[flip.at % bytes.length] = flip.byte;
          const input = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          const started = performance.now();
          try {
            await importDocument(input, file.name);
          } catch (error) {
            if (!(error instanceof DocumentReadError)) throw error;
          }
          expect(performance.now() - started).toBeLessThan(MAX_MS_PER_DOCUMENT * 2);
        },
      ),
      { seed: SEED, numRuns: 120 },
    );
  });
});

/** The start offsets of each numbered row ("\t7" on a line of its own) of a seed's table. */
function rowStarts(text: string): Map<number, number> {
  const starts = new Map<number, number>();
  for (const match of text.matchAll(/\n\s?\t\s*(\d{1,3})\s*\n/g)) {
    const number = Number(match[1]);
    if (!starts.has(number)) starts.set(number, (match.index ?? 0) + 1);
  }
  return starts;
}

function taskByNumber(plan: PlanDocument, number: number) {
  return plan.tasks.find((task) => task.number === number);
}

describe('a table truncated mid-row keeps its complete rows', () => {
  it.each([
    [SEED_FILES[4], 7],
    [SEED_FILES[2], 40],
    [SEED_FILES[0], 20],
  ])('%s cut inside row %i', (file, row) => {
    const text = readSeed(file);
    const full = importText(text);
    const start = rowStarts(text).get(row);
    expect(start).toBeDefined();
    if (start === undefined) return;
    // Keep the number cell and the next cell of the row, drop the rest of the document.
    const afterNumber = text.indexOf('\n', start) + 1;
    const secondCellEnd = text.indexOf('\n', text.indexOf('\t', afterNumber) + 1);
    const truncated = importText(text.slice(0, secondCellEnd));
    for (let number = 1; number < row; number++) {
      const expected = taskByNumber(full, number);
      if (!expected) continue;
      expect(taskByNumber(truncated, number), `task ${number}`).toEqual(expected);
    }
    expect(truncated.warnings.map((warning) => warning.code)).toContain('TRUNCATED_TABLE');
  });

  it('at random cut points, every row that ended before the cut survives', () => {
    const candidates = [SEED_FILES[0], SEED_FILES[2], SEED_FILES[4]].map((file) => {
      const text = readSeed(file);
      return {
        text,
        full: importText(text),
        starts: [...rowStarts(text).entries()].sort((a, b) => a[1] - b[1]),
      };
    });
    fc.assert(
      fc.property(
        fc.nat(candidates.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (index, fraction) => {
          const candidate = candidates[index];
          if (!candidate || candidate.starts.length < 2) return;
          const first = candidate.starts[0]?.[1] ?? 0;
          const cut = Math.floor(first + (candidate.text.length - first) * fraction);
          // The row holding the cut may be damaged; every row before it is complete.
          const cutRow = [...candidate.starts].reverse().find(([, offset]) => offset <= cut)?.[0] ?? 1;
          const truncated = importText(candidate.text.slice(0, cut));
          for (const [number, offset] of candidate.starts) {
            if (offset >= cut || number >= cutRow) continue;
            const expected = taskByNumber(candidate.full, number);
            if (expected) expect(taskByNumber(truncated, number), `task ${number}`).toEqual(expected);
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
