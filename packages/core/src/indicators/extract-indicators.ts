import type { Indicator } from '../model';

/**
 * The quantities a task's sentence commits to.
 * "城镇新增就业５０万人" → [{ subject: "城镇新增就业", value: 500000, unit: "人", comparator: "=", … }]
 */
export function extractIndicators(_content: string): Indicator[] {
  return [];
}
