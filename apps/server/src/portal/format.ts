/** Numbers and dates as officials write them. */
export { formatChineseDate } from '@minsheng/core';

function trim(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.?0+$/, '');
}

/** 8700 → "8700"; 123456 → "12.35万"; 250000000 → "2.5亿" (amounts and counts alike). */
export function formatAmount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8, 2)}亿`;
  if (abs >= 1e5) return `${trim(value / 1e4, 2)}万`;
  return trim(value, 2);
}

/** 0.905 → "90.5%". */
export function formatPercent(ratio: number): string {
  return `${trim(ratio * 100, 1)}%`;
}
