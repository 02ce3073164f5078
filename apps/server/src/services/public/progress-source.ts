/**
 * Where the portal gets progress from. Reporting (periods, reports) plugs in here: an
 * implementation returns, per task, only what comes from ACCEPTED reports whose progress text
 * the office chose to PUBLISH — never drafts, submitted or returned reports. Until one is
 * plugged in, the portal shows plans, targets, units and deadlines with no progress.
 */
import type { Rating } from '@minsheng/core';
import type { Database } from '../../db/client';

export interface PublicProgressEntry {
  periodLabel: string;
  /** YYYY-MM-DD: when the report was accepted (or the period's end). */
  date: string;
  /** The progress text the office published (plain text; the portal escapes it). */
  text: string;
  photos: { url: string; alt: string }[];
}

export interface PublicTaskProgress {
  /** 0…1 (above 1 when exceeded); null when the numbers do not allow it. */
  completion: number | null;
  rating: Rating | null;
  ratingReason: string | null;
  /** YYYY-MM-DD of the latest published entry. */
  lastUpdate: string | null;
  /** Oldest first. */
  history: PublicProgressEntry[];
}

export interface PublicProgressSource {
  /** Published progress of these tasks (all of one published plan); tasks without any are absent. */
  forTasks(db: Database, taskIds: number[]): Promise<Map<number, PublicTaskProgress>>;
  /**
   * A cheap value that changes whenever published progress may have (e.g. the latest review
   * time and a count). Without it, pages are hashed after rendering instead (still 304, but no
   * server time saved).
   */
  fingerprint?(db: Database): Promise<string>;
}

/** The default until reporting lands: nothing published yet. */
export const noPublicProgress: PublicProgressSource = {
  async forTasks() {
    return new Map();
  },
  async fingerprint() {
    return '';
  },
};
