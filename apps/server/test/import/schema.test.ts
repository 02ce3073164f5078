import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/readers';
import { SEED_FILES, seedPath } from './render-seeds';
import { runCli } from './run-cli';

const schema = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../docs/contracts/plan-document.schema.json', import.meta.url)),
    'utf8',
  ),
) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function expectValid(document: unknown): void {
  const valid = validate(document);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
  expect(valid).toBe(true);
}

describe('plan documents validate against plan-document.schema.json', () => {
  it('through the real command (seed 001, with hints)', async () => {
    const result = await runCli([
      'import',
      seedPath(SEED_FILES[1]),
      '--json',
      '--year',
      '2017',
      '--jurisdiction',
      '吉林省',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { tasks: unknown[] };
    expectValid(document);
    expect(document.tasks.length).toBeGreaterThan(0);
  });

  it.each(SEED_FILES.filter((file) => file !== SEED_FILES[1]))('through importDocument: %s', async (file) => {
    const document = await importDocument(new Uint8Array(readFileSync(seedPath(file))), file);
    // The JSON round trip is what the command prints.
    expectValid(JSON.parse(JSON.stringify(document)));
  });

  it('applies --year and --jurisdiction when the text lacks them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-hints-'));
    try {
      const file = join(dir, 'list.txt');
      writeFileSync(file, '一、就业创业\n1、城镇新增就业50万人（人社局）\n2、新建公厕45座（执法局）\n');
      const result = await runCli(['import', file, '--json', '--year', '2019', '--jurisdiction', '平罗县']);
      expect(result.stderr).toBe('');
      const document = JSON.parse(result.stdout) as { year: number | null; jurisdiction: string | null };
      expectValid(document);
      expect(document.year).toBe(2019);
      expect(document.jurisdiction).toBe('平罗县');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a short human summary without --json', async () => {
    const result = await runCli(['import', seedPath(SEED_FILES[4])]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/项任务 tasks/);
  });
});
