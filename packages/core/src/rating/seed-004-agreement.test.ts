/* eslint-disable no-restricted-imports -- a test reads its fixture from disk */
/**
 * The rating engine against seed 004: the county's own statuses as of its 填报时间 (2020-09-25)
 * beside what Minsheng computes from the same document. docs/ratings.md explains each difference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from '../document/build-plan-document';
import { textToSource } from '../document/text-to-source';
import { completionsFromProgress } from './progress-completions';
import { rateTask, type Rating } from './rate-task';

const seed = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../../../fixtures/seeds/004_aa89135dd50b8e99.txt'),
  'utf8',
);

// number → [the county's status, Minsheng's rating]
const agreement: Record<number, [string, Rating]> = {
  1: ['已完成', 'completed'],
  2: ['正常推进', 'on_track'],
  3: ['正常推进', 'on_track'],
  4: ['正常推进', 'on_track'],
  5: ['正常推进', 'on_track'],
  6: ['正常推进', 'on_track'],
  7: ['正常推进', 'on_track'],
  8: ['推进缓慢', 'seriously_lagging'],
  9: ['推进缓慢', 'on_track'],
  10: ['未完成', 'overdue'],
};

describe('seed 004: Minsheng’s ratings beside the county’s statuses', () => {
  const plan = buildPlanDocument(textToSource(seed));
  const asOf = plan.reportDate ?? '2020-09-25';

  it.each(Object.entries(agreement))('task %s', (number, [printed, rating]) => {
    const task = plan.tasks.find((t) => t.number === Number(number));
    expect(task, `task ${number} imported`).toBeDefined();
    expect(task!.progress?.status).toBe(printed);
    const result = rateTask({
      asOf,
      start: `${plan.year ?? 2020}-01-01`,
      deadline: task!.deadline?.date ?? null,
      completions: completionsFromProgress(task!.indicators, task!.progress?.values ?? []),
      statedPercent: task!.progress?.statedPercent ?? null,
      reportedStatus: task!.progress?.status ?? null,
      reported: true,
    });
    expect(result.rating, result.reason).toBe(rating);
  });
});
