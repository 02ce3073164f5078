/**
 * First start: on an empty database, a demo jurisdiction tree, one account per role and the
 * five seed documents imported as published plans — through the same importer and services
 * the office uses, so the demo exercises the real path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database, DatabaseHandle } from '../db/client';
import { AppError } from '../errors/app-error';
import type { RequestActor } from '../policy/actor';
import { jurisdictionRepository } from '../repositories/jurisdiction.repository';
import { createServices, type Services } from '../services/index';
import { DEMO_ACCOUNTS } from './demo-accounts';

type Level = 'province' | 'city' | 'county' | 'district' | 'zone';

/** name, level, children. */
type TreeNode = [string, Level, TreeNode[]?];

const DEMO_TREE: TreeNode[] = [
  [
    '吉林省',
    'province',
    [
      [
        '长春市',
        'city',
        [
          ['长春新区', 'zone'],
          ['朝阳区', 'district'],
        ],
      ],
      [
        '吉林市',
        'city',
        [
          ['丰满区', 'district'],
          ['船营区', 'district'],
          ['永吉县', 'county'],
        ],
      ],
      [
        '四平市',
        'city',
        [
          ['梨树县', 'county'],
          ['伊通满族自治县', 'county'],
          ['双辽市', 'county'],
        ],
      ],
    ],
  ],
  ['宁夏回族自治区', 'province', [['石嘴山市', 'city', [['平罗县', 'county']]]]],
];

/** Which seed becomes whose plan; the lead unit the office assigns where the document names none. */
const DEMO_SEEDS: { prefix: string; jurisdiction: string; year: number; defaultLead: string }[] = [
  { prefix: '001_', jurisdiction: '吉林省', year: 2017, defaultLead: '省政府办公厅' },
  { prefix: '002_', jurisdiction: '吉林市', year: 2015, defaultLead: '市政府办公厅' },
  { prefix: '000_', jurisdiction: '四平市', year: 2017, defaultLead: '市政府办公室' },
  { prefix: '003_', jurisdiction: '长春新区', year: 2017, defaultLead: '新区民生办' },
  { prefix: '004_', jurisdiction: '平罗县', year: 2020, defaultLead: '县政府办公室' },
];

export const DEFAULT_SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../fixtures/seeds');

export interface DemoOptions {
  seedsDir?: string;
  log?: (message: string) => void;
}

function systemActor(scope: number[]): RequestActor {
  return {
    userId: 0,
    username: 'system',
    role: 'admin',
    jurisdictionId: scope[0] ?? 0,
    unitId: null,
    scope: new Set(scope),
  };
}

async function importSeed(
  services: Services,
  actor: RequestActor,
  file: string,
  jurisdictionId: number,
  seed: (typeof DEMO_SEEDS)[number],
): Promise<number> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  let preview = await services.imports.upload(actor, {
    jurisdictionId,
    year: seed.year,
    fileName: path.basename(file),
    bytes,
  });
  // What the office would do in the preview: fill the year and a lead unit where missing.
  const document = structuredClone(preview.document);
  let edited = false;
  if (document.year === null) {
    document.year = seed.year;
    edited = true;
  }
  for (const task of document.tasks) {
    if (!task.units.some((u) => u.role === 'lead')) {
      task.units = [{ name: seed.defaultLead, role: 'lead' }, ...task.units];
      edited = true;
    }
  }
  if (edited)
    preview = await services.imports.update(actor, preview.row.id, {
      version: preview.row.version,
      document,
    });
  const { planId } = await services.imports.commit(actor, preview.row.id, {
    version: preview.row.version,
    publish: true,
  });
  return planId;
}

/** Creates the demo data when the database is empty; returns false (and does nothing) otherwise. */
export async function ensureDemoData(
  target: Database | DatabaseHandle,
  options: DemoOptions = {},
): Promise<boolean> {
  const db = 'kind' in target && 'close' in target ? target.db : target;
  if ((await jurisdictionRepository.count(db)) > 0) return false;
  const log = options.log ?? (() => {});
  const services = createServices(db);
  const ids = new Map<string, number>();

  const bootstrap = systemActor([]);
  const create = async (node: TreeNode, parentId: number | null, actor: RequestActor) => {
    const [name, level, children = []] = node;
    const row = await services.jurisdictions.create(actor, { parentId, name, level });
    ids.set(name, row.id);
    const below = systemActor([...ids.values()]);
    for (const child of children) await create(child, row.id, below);
  };
  try {
    for (const root of DEMO_TREE) await create(root, null, bootstrap);
  } catch (error) {
    // Another process started on the same empty database a moment earlier and is seeding it.
    if (error instanceof AppError && error.code === 'ALREADY_EXISTS' && ids.size === 0) return false;
    throw error;
  }
  const actor = systemActor([...ids.values()]);
  log(`demo: ${ids.size} jurisdictions`);

  const seedsDir = options.seedsDir ?? DEFAULT_SEEDS_DIR;
  const files = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')) : [];
  for (const seed of DEMO_SEEDS) {
    const file = files.find((f) => f.startsWith(seed.prefix));
    const jurisdictionId = ids.get(seed.jurisdiction);
    if (!file || jurisdictionId === undefined) {
      log(`demo: seed ${seed.prefix}* not found in ${seedsDir}, skipped`);
      continue;
    }
    try {
      const planId = await importSeed(services, actor, path.join(seedsDir, file), jurisdictionId, seed);
      log(`demo: imported ${file} as plan ${planId} of ${seed.jurisdiction}`);
    } catch (error) {
      // A seed the importer cannot read yet must not stop the server from starting.
      log(`demo: could not import ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  for (const account of DEMO_ACCOUNTS) {
    const jurisdictionId = ids.get(account.jurisdiction);
    if (jurisdictionId === undefined) continue;
    let unitId: number | null = null;
    if (account.unit) {
      const [unit] = await services.units.list(actor, { jurisdictionId, q: account.unit });
      unitId =
        unit?.id ??
        (await services.units.create(actor, { jurisdictionId, name: account.unit, kind: 'department' })).id;
    }
    await services.users.create(actor, {
      username: account.username,
      displayName: account.displayName,
      password: account.password,
      role: account.role,
      jurisdictionId,
      unitId,
    });
  }
  log(`demo: ${DEMO_ACCOUNTS.length} accounts (see README)`);
  return true;
}
