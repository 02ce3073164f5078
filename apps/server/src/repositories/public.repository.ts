/**
 * What the public portal reads: published, live plans and what is under them, and the search.
 * Every query here filters `status = 'published' AND retired_at IS NULL` itself, so no caller can
 * forget it and a draft never leaves the database through this module.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { categories, jurisdictions, plans, tasks } from '../db/schema';
import type { PlanRow, TaskRow } from './plan.repository';
import { queryRows } from './raw';

export type JurisdictionLevel = (typeof jurisdictions.$inferSelect)['level'];

export interface PublishedPlanSummary {
  plan: PlanRow;
  jurisdiction: { id: number; name: string; level: JurisdictionLevel };
  categoryCount: number;
  taskCount: number;
}

export interface SearchHit {
  kind: 'plan' | 'task';
  id: number;
  planId: number;
  planTitle: string;
  year: number;
  jurisdictionName: string;
  number: number | null;
  title: string | null;
  content: string;
  unitNames: string;
  score: number;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
}

const published = and(eq(plans.status, 'published'), isNull(plans.retiredAt));

/** "50%_x" → "50\%\_x": the term is matched literally by ILIKE … ESCAPE '\'. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const publicRepository = {
  async listPublishedPlans(
    db: Database,
    filter: { jurisdictionId?: number; year?: number } = {},
  ): Promise<PublishedPlanSummary[]> {
    const where: (SQL | undefined)[] = [published];
    if (filter.jurisdictionId !== undefined) where.push(eq(plans.jurisdictionId, filter.jurisdictionId));
    if (filter.year !== undefined) where.push(eq(plans.year, filter.year));
    const rows = await db
      .select({
        plan: plans,
        jurisdiction: { id: jurisdictions.id, name: jurisdictions.name, level: jurisdictions.level },
        categoryCount: sql<number>`(select count(*) from ${categories} c where c.plan_id = ${plans.id} and c.retired_at is null)`,
        taskCount: sql<number>`(select count(*) from ${tasks} t where t.plan_id = ${plans.id} and t.retired_at is null)`,
      })
      .from(plans)
      .innerJoin(jurisdictions, eq(jurisdictions.id, plans.jurisdictionId))
      .where(and(...where))
      .orderBy(desc(plans.year), asc(jurisdictions.name), asc(plans.id));
    return rows.map((r) => ({
      ...r,
      categoryCount: Number(r.categoryCount),
      taskCount: Number(r.taskCount),
    }));
  },

  async findPublishedPlan(db: Database, id: number): Promise<PublishedPlanSummary | undefined> {
    const rows = await db
      .select({
        plan: plans,
        jurisdiction: { id: jurisdictions.id, name: jurisdictions.name, level: jurisdictions.level },
        categoryCount: sql<number>`(select count(*) from ${categories} c where c.plan_id = ${plans.id} and c.retired_at is null)`,
        taskCount: sql<number>`(select count(*) from ${tasks} t where t.plan_id = ${plans.id} and t.retired_at is null)`,
      })
      .from(plans)
      .innerJoin(jurisdictions, eq(jurisdictions.id, plans.jurisdictionId))
      .where(and(published, eq(plans.id, id)));
    const row = rows[0];
    return row && { ...row, categoryCount: Number(row.categoryCount), taskCount: Number(row.taskCount) };
  },

  /** A live task of a published plan, or undefined (a draft's task is as missing as none). */
  async findPublishedTask(db: Database, id: number): Promise<TaskRow | undefined> {
    const [row] = await db
      .select({ task: tasks })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(and(published, eq(tasks.id, id), isNull(tasks.retiredAt)));
    return row?.task;
  },

  /**
   * Changes whenever anything a public page shows may have changed: every edit bumps updated_at
   * (retiring and publishing included) and every insert changes a count. One cheap query lets a
   * revalidation be answered 304 before any page is read or rendered.
   */
  async dataFingerprint(db: Database): Promise<string> {
    const part = (table: string) =>
      sql.raw(`(select coalesce(max(updated_at)::text, '') || '#' || count(*) from ${table})`);
    const [row] = await queryRows<{ f: string }>(
      db,
      sql`select ${part('plans')} || '|' || ${part('categories')} || '|' || ${part('tasks')} || '|' ||
                 ${part('indicators')} || '|' || ${part('units')} || '|' || ${part('jurisdictions')} || '|' ||
                 (select count(*) from task_units) as f`,
    );
    return row?.f ?? '';
  },

  /**
   * Chinese search without a tokenizer, the same on PGlite and PostgreSQL: each term is matched
   * with ILIKE (escaped) against plan titles and against tasks' title, content and unit names;
   * a hit scores one per term found, more when in its title or a unit name.
   */
  async search(db: Database, terms: string[], page: { limit: number; offset: number }): Promise<SearchPage> {
    if (terms.length === 0) return { hits: [], total: 0 };
    const patterns = terms.map((t) => `%${escapeLike(t)}%`);
    // Per term: 1 for the text (title, content), 1 more in a title, 1 for a unit's name. Units are
    // matched through an uncorrelated IN (one hashed scan per term), not by aggregating every
    // task's unit names; the names are gathered for the page's rows only.
    const score = sql.join(
      patterns.map(
        (
          p,
        ) => sql`(case when (coalesce(d.title, '') || ' ' || d.content) ilike ${p} escape '\\' then 1 else 0 end
          + case when coalesce(d.title, '') ilike ${p} escape '\\' then 1 else 0 end
          + case when d.kind = 'task' and d.id in (
              select tu.task_id from task_units tu join units u on u.id = tu.unit_id
               where u.name ilike ${p} escape '\\') then 1 else 0 end)`,
      ),
      sql` + `,
    );
    const docs = sql`
      select 'plan' as kind, p.id as id, p.id as plan_id, p.title as plan_title, p.year as year,
             j.name as jurisdiction_name, null::int as number, p.title as title,
             coalesce(p.issuer, '') as content
        from plans p join jurisdictions j on j.id = p.jurisdiction_id
       where p.status = 'published' and p.retired_at is null
      union all
      select 'task', t.id, p.id, p.title, p.year, j.name, t.number, t.title, t.content
        from tasks t join plans p on p.id = t.plan_id join jurisdictions j on j.id = p.jurisdiction_id
       where p.status = 'published' and p.retired_at is null and t.retired_at is null`;
    const scored = sql`select d.*, (${score}) as score from (${docs}) d`;
    const rows = await queryRows<{
      kind: 'plan' | 'task';
      id: number;
      plan_id: number;
      plan_title: string;
      year: number;
      jurisdiction_name: string;
      number: number | null;
      title: string | null;
      content: string;
      unit_names: string | null;
      score: number | string;
      total: number | string;
    }>(
      db,
      sql`select page.*,
                 case when page.kind = 'task' then (
                   select string_agg(u.name, '、' order by tu.position)
                     from task_units tu join units u on u.id = tu.unit_id where tu.task_id = page.id)
                 end as unit_names
            from (select s.*, count(*) over () as total from (${scored}) s
                   where s.score > 0
                   order by s.score desc, s.year desc, s.plan_id desc, s.kind, s.number nulls first, s.id
                   limit ${page.limit} offset ${page.offset}) page
           order by page.score desc, page.year desc, page.plan_id desc, page.kind, page.number nulls first, page.id`,
    );
    let total = rows.length ? Number(rows[0]!.total) : 0;
    if (rows.length === 0 && page.offset > 0) {
      // Past the last page: still say how many there are.
      const [count] = await queryRows<{ n: number | string }>(
        db,
        sql`select count(*) as n from (${scored}) s where s.score > 0`,
      );
      total = Number(count?.n ?? 0);
    }
    return {
      total,
      hits: rows.map((r) => ({
        kind: r.kind,
        id: Number(r.id),
        planId: Number(r.plan_id),
        planTitle: r.plan_title,
        year: Number(r.year),
        jurisdictionName: r.jurisdiction_name,
        number: r.number === null ? null : Number(r.number),
        title: r.title,
        content: r.content,
        unitNames: r.unit_names ?? '',
        score: Number(r.score),
      })),
    };
  },
};

export type PublicRepository = typeof publicRepository;
