import { defaultMargins, type RatingMargins } from '@minsheng/core';
import type { Database } from '../../db/client';
import type { JurisdictionRepository } from '../../repositories/jurisdiction.repository';
import type { ReportRepository } from '../../repositories/report.repository';

/** Settings keys (table `settings`, per jurisdiction, inherited from the nearest ancestor that sets one). */
export const SETTING_MARGINS = 'rating.margins';
export const SETTING_REMINDER_DAYS = 'reminders.daysBefore';

export interface SettingsDeps {
  reports: Pick<ReportRepository, 'readSetting'>;
  jurisdictions: Pick<JurisdictionRepository, 'listAncestorIds'>;
}

/**
 * Margins change rarely and every submission reads them: kept for a few seconds per jurisdiction
 * (a changed setting applies within MARGIN_CACHE_MS on every process).
 */
const MARGIN_CACHE_MS = 5_000;
const marginCache = new WeakMap<Database, Map<number, { at: number; margins: Promise<RatingMargins> }>>();

/** The rating margins of a jurisdiction: { lagging: 10, seriouslyLagging: 30 } unless set. */
export async function readMargins(
  db: Database,
  deps: SettingsDeps,
  jurisdictionId: number,
  /** The report form's hot path takes a few seconds' old margins; ratings read them fresh. */
  cached = false,
): Promise<RatingMargins> {
  if (!cached) return readMarginsUncached(db, deps, jurisdictionId);
  let cache = marginCache.get(db);
  if (!cache) marginCache.set(db, (cache = new Map()));
  const hit = cache.get(jurisdictionId);
  if (hit && Date.now() - hit.at < MARGIN_CACHE_MS) return hit.margins;
  const margins = readMarginsUncached(db, deps, jurisdictionId);
  cache.set(jurisdictionId, { at: Date.now(), margins });
  margins.catch(() => cache.delete(jurisdictionId));
  return margins;
}

async function readMarginsUncached(
  db: Database,
  deps: SettingsDeps,
  jurisdictionId: number,
): Promise<RatingMargins> {
  const value = await deps.reports.readSetting(
    db,
    await deps.jurisdictions.listAncestorIds(db, jurisdictionId),
    SETTING_MARGINS,
  );
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const lagging = typeof v.lagging === 'number' ? v.lagging : defaultMargins.lagging;
    const seriouslyLagging =
      typeof v.seriouslyLagging === 'number' ? v.seriouslyLagging : defaultMargins.seriouslyLagging;
    return { lagging, seriouslyLagging };
  }
  return defaultMargins;
}

/** Working days before the due date that reminders go out (default 3). */
export async function readReminderDays(
  db: Database,
  deps: SettingsDeps,
  jurisdictionId: number,
): Promise<number> {
  const value = await deps.reports.readSetting(
    db,
    await deps.jurisdictions.listAncestorIds(db, jurisdictionId),
    SETTING_REMINDER_DAYS,
  );
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 30 ? value : 3;
}
