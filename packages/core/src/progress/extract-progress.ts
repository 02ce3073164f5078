import type { Indicator, TaskProgress } from '../model';

/**
 * The quantities a progress text reports, matched to the task's indicators.
 * "完成失业人员再就业9539人，占年计划90.5%" against 失业人员再就业 10600 人 →
 * { statedPercent: 90.5, values: [{ subject: "失业人员再就业", value: 9539, unit: "人", indicator: 0 }] }
 */
export function extractProgress(
  text: string,
  _indicators: Indicator[],
  status: string | null = null,
): TaskProgress {
  return { text, status, statedPercent: null, values: [] };
}

/**
 * The check behind STATED_PERCENT_MISMATCH: the stated share against value ÷ target.
 * Returns null when there is nothing to compare or they agree within half a point.
 */
export function checkStatedPercent(
  _progress: TaskProgress,
  _indicators: Indicator[],
): { stated: number; computed: number } | null {
  return null;
}
