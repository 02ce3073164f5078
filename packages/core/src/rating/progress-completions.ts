import type { Indicator, ProgressValue } from '../model';
import { indicatorCompletion } from './rate-task';

/**
 * The completion of each of a task's indicators that the progress reports a value for. When a
 * text reports several values against one indicator, the first counts: it is the figure the
 * unit leads with ("已完成…9个老旧小区改造任务，…5个小区完成管沟开挖" → 9 of 14, not 14).
 */
export function completionsFromProgress(indicators: Indicator[], values: ProgressValue[]): number[] {
  const firstByIndicator = new Map<number, number>();
  for (const v of values) {
    if (v.indicator == null || firstByIndicator.has(v.indicator)) continue;
    firstByIndicator.set(v.indicator, v.value);
  }
  const completions: number[] = [];
  for (const [index, actual] of [...firstByIndicator].sort((a, b) => a[0] - b[0])) {
    const indicator = indicators[index];
    if (indicator) completions.push(indicatorCompletion(indicator, actual));
  }
  return completions;
}
