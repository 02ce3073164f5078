import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { jobRuns } from '../db/schema';

export const jobRepository = {
  /**
   * Claims a job by its unique key: true for the one process whose insert went in, false for
   * every other (INSERT … ON CONFLICT DO NOTHING), so a job runs once however many processes run.
   */
  async claim(db: Database, key: string): Promise<boolean> {
    const rows = await db
      .insert(jobRuns)
      .values({ key })
      .onConflictDoNothing()
      .returning({ key: jobRuns.key });
    return rows.length === 1;
  },

  async finish(db: Database, key: string, error: string | null = null): Promise<void> {
    await db
      .update(jobRuns)
      .set({ finishedAt: sql`now()`, error })
      .where(eq(jobRuns.key, key));
  },

  async find(db: Database, key: string) {
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.key, key));
    return row;
  },
};
export type JobRepository = typeof jobRepository;
