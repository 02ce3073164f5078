/**
 * Shared by the crash test and the submission benchmark: a world of one unit with `tasks`
 * tasks (each a report to submit) in one open period, a reporter account, and a server entry
 * (`load-server.ts`) that serves the reporting routes.
 */
import { buildPeriods } from '@minsheng/core';
import type { Database } from '../../src/db/client';
import {
  indicators,
  jurisdictions,
  periods,
  plans,
  taskUnits,
  tasks,
  units,
  users,
} from '../../src/db/schema';
import { hashPassword } from '../../src/services/auth/password';

export const LOAD_PASSWORD = 'load-test-pass-42';

export interface LoadWorld {
  periodId: number;
  taskIds: number[];
  indicatorIds: number[];
  username: string;
}

export async function seedLoadWorld(db: Database, taskCount: number, tag = 'load'): Promise<LoadWorld> {
  const [j] = await db
    .insert(jurisdictions)
    .values({ name: `${tag}市`, level: 'city' })
    .returning();
  const [unit] = await db
    .insert(units)
    .values({ jurisdictionId: j!.id, name: `${tag}人社局` })
    .returning();
  const username = `${tag}-reporter`;
  await db.insert(users).values({
    username,
    displayName: '填报员',
    passwordHash: await hashPassword(LOAD_PASSWORD),
    role: 'reporter',
    jurisdictionId: j!.id,
    unitId: unit!.id,
  });
  const [plan] = await db
    .insert(plans)
    .values({ jurisdictionId: j!.id, year: 2020, title: `${tag}计划`, status: 'published' })
    .returning();
  const taskRows = await db
    .insert(tasks)
    .values(
      Array.from({ length: taskCount }, (_, i) => ({
        planId: plan!.id,
        number: i + 1,
        content: `失业人员再就业${1000 + i}人`,
        deadlineDate: '2020-12-31',
      })),
    )
    .returning();
  await db.insert(taskUnits).values(
    taskRows.map((t) => ({
      taskId: t.id,
      unitId: unit!.id,
      role: 'lead' as const,
      countsInCompletion: true,
    })),
  );
  const indicatorRows = await db
    .insert(indicators)
    .values(
      taskRows.map((t, i) => ({
        taskId: t.id,
        subject: '失业人员再就业',
        value: 1000 + i,
        unit: '人',
        comparator: '>=' as const,
        text: t.content,
      })),
    )
    .returning();
  const march = buildPeriods(2020).find((p) => p.key === '2020-09')!;
  const [period] = await db
    .insert(periods)
    .values({
      planId: plan!.id,
      key: march.key,
      label: march.label,
      startDate: march.start,
      endDate: march.end,
      dueDate: march.due,
    })
    .returning();
  return {
    periodId: period!.id,
    taskIds: taskRows.map((t) => t.id),
    indicatorIds: indicatorRows.map((i) => i.id),
    username,
  };
}

/** Logs in over HTTP; returns the headers of the session. */
export async function loginOverHttp(base: string, username: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: LOAD_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** Opens the draft and submits it: two requests; resolves with the report id once acknowledged. */
export async function submitOverHttp(
  base: string,
  headers: Record<string, string>,
  world: LoadWorld,
  index: number,
): Promise<number> {
  const signal = AbortSignal.timeout(60_000);
  const open = await fetch(`${base}/api/reports`, {
    signal,
    method: 'POST',
    headers,
    body: JSON.stringify({ taskId: world.taskIds[index], periodId: world.periodId }),
  });
  if (!open.ok) throw new Error(`open: ${open.status} ${await open.text()}`);
  const draft = (await open.json()) as { id: number; version: number };
  const actual = 700 + index;
  const submit = await fetch(`${base}/api/reports/${draft.id}/submit`, {
    signal,
    method: 'POST',
    headers,
    body: JSON.stringify({
      version: draft.version,
      progressText: `完成失业人员再就业${actual}人`,
      values: [{ indicatorId: world.indicatorIds[index], actual }],
      investment: 12.5,
    }),
  });
  if (!submit.ok) throw new Error(`submit: ${submit.status} ${await submit.text()}`);
  return draft.id;
}
