/**
 * The public portal's use cases: anyone may call them, signed in or not, so there is no policy
 * check — instead every read goes through the public repository, which returns published plans
 * only. A draft, a retired plan and a missing one all answer the same PLAN_NOT_FOUND.
 */
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { PlanRepository, PlanTree } from '../../repositories/plan.repository';
import type { PublicRepository, PublishedPlanSummary, SearchHit } from '../../repositories/public.repository';
import type { PublicProgressSource, PublicTaskProgress } from './progress-source';

export interface PublicServiceDeps {
  db: Database;
  publicPlans: PublicRepository;
  plans: Pick<PlanRepository, 'readTree'>;
  progress: PublicProgressSource;
}

export interface PublicPlanView {
  summary: PublishedPlanSummary;
  tree: PlanTree;
  progress: Map<number, PublicTaskProgress>;
}

export interface PublicTaskView extends PublicPlanView {
  taskId: number;
}

export interface SearchResult {
  query: string;
  terms: string[];
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
}

export const SEARCH_PAGE_SIZE = 20;
const MAX_TERMS = 8;
const MAX_QUERY = 100;

/** "幼儿园  新建，就业" → ["幼儿园", "新建", "就业"]: split on spaces and punctuation, deduplicated. */
export function splitSearchTerms(query: string): string[] {
  const terms = query
    .slice(0, MAX_QUERY)
    .split(/[\s,，、;；。.!！?？:："'“”‘’()（）《》<>[\]【】|/\\]+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  return [...new Set(terms.map((t) => t.toLowerCase()))].slice(0, MAX_TERMS);
}

export function createPublicService({ db, publicPlans, plans, progress }: PublicServiceDeps) {
  async function planView(summary: PublishedPlanSummary): Promise<PublicPlanView> {
    const tree = await plans.readTree(db, summary.plan);
    return {
      summary,
      tree,
      progress: await progress.forTasks(
        db,
        tree.tasks.map((t) => t.id),
      ),
    };
  }

  return {
    listPlans(filter: { jurisdictionId?: number; year?: number } = {}): Promise<PublishedPlanSummary[]> {
      return publicPlans.listPublishedPlans(db, filter);
    },

    async getPlan(id: number): Promise<PublicPlanView> {
      const summary = await publicPlans.findPublishedPlan(db, id);
      if (!summary) throw new AppError('PLAN_NOT_FOUND');
      return planView(summary);
    },

    /** The plans of one jurisdiction and year, with their trees (the headline page). */
    async getYear(jurisdictionId: number, year: number): Promise<PublicPlanView[]> {
      const summaries = await publicPlans.listPublishedPlans(db, { jurisdictionId, year });
      if (summaries.length === 0) throw new AppError('PLAN_NOT_FOUND');
      return Promise.all(summaries.map(planView));
    },

    async getTask(id: number): Promise<PublicTaskView> {
      const task = await publicPlans.findPublishedTask(db, id);
      if (!task) throw new AppError('TASK_NOT_FOUND');
      const summary = await publicPlans.findPublishedPlan(db, task.planId);
      if (!summary) throw new AppError('TASK_NOT_FOUND');
      return { ...(await planView(summary)), taskId: id };
    },

    /** What public pages were built from, as one string; null when progress cannot say. */
    async fingerprint(): Promise<string | null> {
      if (!progress.fingerprint) return null;
      const [data, reports] = await Promise.all([publicPlans.dataFingerprint(db), progress.fingerprint(db)]);
      return `${data}|${reports}`;
    },

    async search(query: string, page: number): Promise<SearchResult> {
      const terms = splitSearchTerms(query);
      const safePage = Number.isInteger(page) && page > 0 && page <= 1000 ? page : 1;
      const { hits, total } = await publicPlans.search(db, terms, {
        limit: SEARCH_PAGE_SIZE,
        offset: (safePage - 1) * SEARCH_PAGE_SIZE,
      });
      return { query, terms, hits, total, page: safePage, pageSize: SEARCH_PAGE_SIZE };
    },
  };
}

export type PublicService = ReturnType<typeof createPublicService>;
