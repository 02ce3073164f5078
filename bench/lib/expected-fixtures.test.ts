import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '@minsheng/core';

// Invariants every hand-checked expected plan document must hold, so a typo in a fixture
// fails here rather than silently lowering an importer's score.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dirs = [
  'fixtures/seeds',
  'fixtures/genre',
  'fixtures/genre2',
  'fixtures/genre3',
  'fixtures/genre4',
  'fixtures/genre5',
];
const files = dirs.flatMap((dir) => {
  try {
    return readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.expected.json'))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe.each(files)('%s', (file) => {
  const doc = JSON.parse(readFileSync(join(root, file), 'utf8')) as PlanDocument;

  it('has the document fields of the contract', () => {
    expect(['plan', 'progress']).toContain(doc.kind);
    for (const key of [
      'title',
      'issuer',
      'docNumber',
      'year',
      'jurisdiction',
      'reportDate',
      'period',
    ] as const) {
      expect(doc).toHaveProperty(key);
    }
    if (doc.reportDate !== null) expect(doc.reportDate).toMatch(ISO_DATE);
    expect(doc.tasks.length).toBeGreaterThan(0);
  });

  it('has unique task numbers and categories that exist', () => {
    const numbers = doc.tasks.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const names = new Set(doc.categories.map((c) => c.name));
    for (const t of doc.tasks) if (t.category !== null) expect(names).toContain(t.category);
  });

  it('keeps text normalised: no white space, no full-width digits or letters', () => {
    for (const t of doc.tasks) {
      for (const s of [t.content, t.title ?? '', ...t.units.map((u) => u.name)]) {
        expect(s, `task ${t.number}`).not.toMatch(/[\s０-９Ａ-Ｚａ-ｚ]/u);
      }
      t.units.forEach((u, i) => expect(u.role).toBe(i === 0 ? 'lead' : 'co'));
      if (t.deadline?.date) expect(t.deadline.date).toMatch(ISO_DATE);
    }
  });

  it('takes every indicator text from its task content', () => {
    for (const t of doc.tasks) {
      for (const ind of t.indicators) {
        expect(t.content, `task ${t.number}`).toContain(ind.text);
        expect(['=', '>=', '<=', 'range']).toContain(ind.comparator);
        if (ind.comparator === 'range') expect(ind.valueMax ?? null).not.toBeNull();
      }
    }
  });

  it('has progress only in progress documents, with valid indicator indices', () => {
    for (const t of doc.tasks) {
      if (doc.kind === 'plan') {
        expect(t.progress).toBeNull();
        continue;
      }
      expect(t.progress).not.toBeNull();
      for (const v of t.progress?.values ?? []) {
        if (v.indicator !== null) expect(v.indicator).toBeLessThan(t.indicators.length);
      }
    }
  });
});
