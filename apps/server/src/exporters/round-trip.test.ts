/**
 * Round trip: a plan exported as .docx or .xlsx and imported again gives the same tasks, units,
 * deadlines and indicators. The plans are the seeds, read by the real importer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '@minsheng/core';
import { importDocument } from '../readers/index';
import {
  buildImplementationTable,
  buildProgressTable,
  buildResponsibilityTable,
  exportPlanFromDocument,
  exportTableDocx,
  exportTableXlsx,
  type OfficialTable,
} from './index';

const seeds = path.resolve(import.meta.dirname, '../../../../fixtures/seeds');
const importSeed = (name: string) =>
  importDocument(new Uint8Array(fs.readFileSync(path.join(seeds, name))), name);

/** What must survive the trip, task by task. */
function essentials(doc: PlanDocument, withCategory: boolean) {
  return doc.tasks.map((t) => ({
    number: t.number,
    ...(withCategory ? { category: t.category } : {}),
    title: t.title,
    content: t.content,
    units: t.units,
    deadline: t.deadline?.text ?? null,
    indicators: t.indicators.map(({ subject, value, valueMax, unit, comparator, baseline }) => ({
      subject,
      value,
      valueMax: valueMax ?? null,
      unit,
      comparator,
      baseline,
    })),
    progress: t.progress && { text: t.progress.text, status: t.progress.status },
  }));
}

const formats: [string, (t: OfficialTable) => Promise<Uint8Array>][] = [
  ['docx', exportTableDocx],
  ['xlsx', exportTableXlsx],
];

describe.each(formats)('round trip through .%s', (ext, write) => {
  it('keeps seed 002 (the responsibility table, categories merged down)', async () => {
    const original = await importSeed('002_a19654e07b0d8595.txt');
    const bytes = await write(buildResponsibilityTable(exportPlanFromDocument(original)));
    const again = await importDocument(bytes, `responsibility.${ext}`, { year: original.year });
    expect(essentials(again, true)).toEqual(essentials(original, true));
    expect(again.year).toBe(2015);
  });

  it('keeps seed 004 (the 落实情况表, with names, progress and statuses)', async () => {
    const original = await importSeed('004_aa89135dd50b8e99.txt');
    const bytes = await write(
      buildImplementationTable(exportPlanFromDocument(original), original.reportDate!),
    );
    const again = await importDocument(bytes, `implementation.${ext}`);
    expect(again.reportDate).toBe(original.reportDate);
    expect(again.jurisdiction).toBe(original.jurisdiction);
    expect(essentials(again, false)).toEqual(essentials(original, false));
  });

  it('keeps seed 000 (the progress table of a period)', async () => {
    const original = await importSeed('000_b1707dd617eb9b67.txt');
    const bytes = await write(buildProgressTable(exportPlanFromDocument(original), '三季度'));
    const again = await importDocument(bytes, `progress.${ext}`);
    expect(essentials(again, false)).toEqual(essentials(original, false));
  });
});
