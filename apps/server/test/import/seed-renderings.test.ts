import { readFileSync } from 'node:fs';
import type { PlanDocument, SourceBlock } from '@minsheng/core';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument, readDocument } from '../../src/readers';
import { type LayoutBlock, renderSeed, SEED_FILES, seedPath } from './render-seeds';

interface Rendered {
  layout: LayoutBlock[];
  docx: Uint8Array;
  xlsx: Uint8Array;
  html: Uint8Array;
}

const TABLE_SEEDS = [SEED_FILES[0], SEED_FILES[2], SEED_FILES[4]];
const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  for (const file of SEED_FILES) rendered.set(file, await renderSeed(file));
}, 60_000);

function get(file: string): Rendered {
  const value = rendered.get(file);
  if (!value) throw new Error(`not rendered: ${file}`);
  return value;
}

/** The layout's tables as the readers should give them back: text, and mergedFromAbove where merged. */
function expectedTables(layout: LayoutBlock[]): { text: string; merged: boolean }[][][] {
  return layout
    .filter((block) => block.kind === 'table')
    .map((block) =>
      block.kind === 'table'
        ? block.rows.map((row) =>
            row.map((cell) => ({
              text: cell.mergedFromAbove ? '' : cell.text.trim(),
              merged: cell.mergedFromAbove,
            })),
          )
        : [],
    );
}

function actualTables(blocks: SourceBlock[]): { text: string; merged: boolean }[][][] {
  return blocks
    .filter((block) => block.kind === 'table')
    .map((block) =>
      block.kind === 'table'
        ? block.rows.map((row) =>
            row.cells.map((cell) => ({ text: cell.text.trim(), merged: cell.mergedFromAbove === true })),
          )
        : [],
    );
}

describe('renderings of the seeds read back to the same structure', () => {
  it.each(TABLE_SEEDS)('%s as .docx: real vertical merges and one header row', async (file) => {
    const { layout, docx } = get(file);
    const xml = new TextDecoder().decode(unzipSync(docx)['word/document.xml']);
    if (
      layout.some(
        (block) =>
          block.kind === 'table' && block.rows.some((row) => row.some((cell) => cell.mergedFromAbove)),
      )
    ) {
      expect(xml).toContain('w:vMerge w:val="restart"');
    }
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).not.toContain('w:tblHeader w:val="off"');
    const source = await readDocument(docx, file.replace('.txt', '.docx'));
    expect(source.format).toBe('docx');
    expect(actualTables(source.blocks)).toEqual(expectedTables(layout));
    const paragraphs = (blocks: { kind: string; text?: string }[]): string[] =>
      blocks.filter((block) => block.kind === 'paragraph').map((block) => (block.text ?? '').trim());
    expect(paragraphs(source.blocks)).toEqual(paragraphs(layout).filter((text) => text !== ''));
  });

  it.each(TABLE_SEEDS)('%s as .xlsx: merged ranges', async (file) => {
    const { layout, xlsx } = get(file);
    const source = await readDocument(xlsx, file.replace('.txt', '.xlsx'));
    expect(source.format).toBe('xlsx');
    expect(actualTables(source.blocks)).toEqual(expectedTables(layout));
  });

  it.each(TABLE_SEEDS)('%s as .html: rowspan laid out on the grid, chrome dropped', async (file) => {
    const { layout, html } = get(file);
    const source = await readDocument(html, file.replace('.txt', '.html'));
    expect(source.format).toBe('html');
    // HTML collapses white space and blank lines; compare the text modulo that.
    const collapse = (tables: { text: string; merged: boolean }[][][]) =>
      tables.map((rows) =>
        rows.map((row) =>
          row.map((cell) => ({
            merged: cell.merged,
            text: cell.text
              .split('\n')
              .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
              .filter((line) => line !== '')
              .join('\n'),
          })),
        ),
      );
    expect(collapse(actualTables(source.blocks))).toEqual(collapse(expectedTables(layout)));
    expect(JSON.stringify(source.blocks)).not.toMatch(/首页|假任务|Copyright/);
  });

  it('reads the 80-task .docx of seed 002 in tens of milliseconds', async () => {
    const { docx } = get(SEED_FILES[2]);
    await readDocument(docx, 'warm-up.docx');
    const started = performance.now();
    const runs = 5;
    for (let i = 0; i < runs; i++) await readDocument(docx, '002.docx');
    const each = (performance.now() - started) / runs;
    // Measured about 10 ms on an idle machine; the bound leaves room for a loaded CI host.
    expect(each).toBeLessThan(250);
  });
});

/** The parts of a plan document that must not depend on the file format. */
function planFields(plan: PlanDocument, withDocumentFields: boolean) {
  const tasks = plan.tasks.map((task) => ({
    number: task.number,
    category: task.category,
    title: task.title,
    content: task.content,
    units: task.units,
    deadline: task.deadline,
    indicators: task.indicators,
    progress: task.progress,
  }));
  const base = { kind: plan.kind, categories: plan.categories, tasks };
  return withDocumentFields
    ? {
        ...base,
        title: plan.title,
        issuer: plan.issuer,
        docNumber: plan.docNumber,
        year: plan.year,
        jurisdiction: plan.jurisdiction,
        reportDate: plan.reportDate,
        period: plan.period,
        declared: plan.declared,
      }
    : base;
}

describe('renderings of the seeds import to the same plan document as the text', () => {
  async function fromText(file: string): Promise<PlanDocument> {
    return importDocument(new Uint8Array(readFileSync(seedPath(file))), file);
  }

  it.each(SEED_FILES)('%s as .docx', async (file) => {
    const expected = await fromText(file);
    const actual = await importDocument(get(file).docx, file.replace('.txt', '.docx'));
    const want = planFields(expected, true);
    const got = planFields(actual, true);
    // Field by field, so a failure names the field.
    for (const key of Object.keys(want) as (keyof typeof want)[]) {
      if (key !== 'tasks') expect(got[key], key).toEqual(want[key]);
    }
    expect(got.tasks.length).toBe(want.tasks.length);
    want.tasks.forEach((task, index) => expect(got.tasks[index], `task ${task.number}`).toEqual(task));
  });

  it.each(SEED_FILES)('%s as .html', async (file) => {
    const expected = planFields(await fromText(file), true);
    const actual = planFields(await importDocument(get(file).html, file.replace('.txt', '.html')), true);
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      if (key !== 'tasks') expect(actual[key], key).toEqual(expected[key]);
    }
    expect(actual.tasks.length).toBe(expected.tasks.length);
    expected.tasks.forEach((task, index) => expect(actual.tasks[index], `task ${task.number}`).toEqual(task));
  });

  it.each(TABLE_SEEDS)('%s as .xlsx (tasks and categories)', async (file) => {
    const expected = planFields(await fromText(file), false);
    const actual = planFields(await importDocument(get(file).xlsx, file.replace('.txt', '.xlsx')), false);
    expect(actual.kind).toBe(expected.kind);
    expect(actual.categories).toEqual(expected.categories);
    expect(actual.tasks.length).toBe(expected.tasks.length);
    expected.tasks.forEach((task, index) => expect(actual.tasks[index], `task ${task.number}`).toEqual(task));
  });
});
