/**
 * Headers of task tables beyond one plain row: a grouped header ("完成情况" spanning
 * "累计完成 | 完成比例" on the row below), and columns whose cells are shares of the year's
 * plan ("进度" holding "65%"), which are the stated percentage, not a progress text.
 */
import { compactText } from '../text/normalize';
import type { ColumnRole } from './columns';
import { isHeaderWord } from './columns';

export interface HeaderCell {
  text: string;
  merged: boolean;
}

/**
 * The header row and where the body starts. When the row under the header is a second header
 * row (header words only, no serial number, under a spanning cell or beside cells merged from
 * above), each column takes its lower word where it has one, else the upper.
 */
export function groupedHeader<C extends HeaderCell>(
  grid: C[][],
  h: number,
): { header: C[]; bodyStart: number } {
  const top = grid[h] ?? [];
  const sub = grid[h + 1];
  if (!sub) return { header: top, bodyStart: h + 1 };
  const words = sub.filter((c) => !c.merged && compactText(c.text));
  if (words.length === 0 || !words.every((c) => isHeaderWord(c.text)))
    return { header: top, bodyStart: h + 1 };
  if (words.some((c) => /^\d+$/.test(compactText(c.text)))) return { header: top, bodyStart: h + 1 };
  const spanned = sub.some((c) => c.merged) || top.some((c) => !compactText(c.text));
  if (!spanned) return { header: top, bodyStart: h + 1 };
  const n = Math.max(top.length, sub.length);
  const header: C[] = [];
  for (let i = 0; i < n; i++) {
    const upper = top[i];
    const lower = sub[i];
    const pick = lower && !lower.merged && compactText(lower.text) ? lower : upper;
    if (pick) header.push(pick);
  }
  return { header, bodyStart: h + 2 };
}

const PERCENT_CELL = /^-?\d+(?:\.\d+)?\s*[%％]$/;

/**
 * A progress column ("进度", "完成进度") whose filled cells are mostly bare percentages is the
 * stated share of the plan; it becomes the percent column when the table has none.
 */
export function percentColumns(roles: ColumnRole[], body: string[][]): ColumnRole[] {
  if (roles.includes('percent')) return roles;
  const out = [...roles];
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'progress') continue;
    const cells = body.map((r) => compactText(r[i] ?? '')).filter(Boolean);
    if (cells.length === 0) continue;
    const pct = cells.filter((c) => PERCENT_CELL.test(c)).length;
    if (pct >= 2 && pct >= cells.length * 0.6) {
      out[i] = 'percent';
      break;
    }
  }
  return out;
}
