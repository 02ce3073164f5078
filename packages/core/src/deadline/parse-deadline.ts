import type { Deadline } from '../model';
import { compactText, parseChineseNumber } from '../text/normalize';

const pad2 = (n: number): string => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number | 'last'): string | null {
  if (month < 1 || month > 12) return null;
  const max = lastDay(year, month);
  const d = day === 'last' ? max : Math.min(day, max);
  if (d < 1) return null;
  return `${year}-${pad2(month)}-${pad2(d)}`;
}

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const FULL_DATE = new RegExp(
  `((?:19|20)\\d{2})年${MONTH}月(上旬|中旬|下旬|初|中|底|末|份)?(?:(\\d{1,2})日)?`,
  'g',
);
const MONTH_DAY = new RegExp(`${MONTH}月(?:份)?(上旬|中旬|下旬|初|中|底|末)?(?:(\\d{1,2})日)?`, 'g');
const QUARTER_END: Record<number, number> = { 1: 3, 2: 6, 3: 9, 4: 12 };

/** The day a part of a month names: "上旬" → 10, "中旬" → 20, "底" / "末" / "下旬" / nothing → last day. */
function dayOf(part: string | undefined, explicitDay: string | undefined): number | 'last' {
  if (explicitDay) return Number(explicitDay);
  switch (part) {
    case '上旬':
    case '初':
      return 10;
    case '中旬':
      return 20;
    case '中':
      return 15;
    default:
      return 'last';
  }
}

/** The date a deadline text names within `year`, or null. Works on compacted text. */
function resolveDate(t: string, year: number | null): string | null {
  // A full date with its own year: "2020年9月25日", "2020年9月底", "2020年底".
  const full = [...t.matchAll(FULL_DATE)];
  const lastFull = full[full.length - 1];
  // Multi-year phrases resolve to the plan year's end: "2017-2019年", "三年工程", "2017年至2019年".
  const multiYear =
    /(?:19|20)\d{2}年?[-—–~～至到](?:19|20)\d{2}年/.test(t) ||
    /[两二三四五]年(?:工程|行动|计划|内|完成)/.test(t);
  if (multiYear) return year === null ? null : `${year}-12-31`;
  // "2023.12", "2023-06-30", "2023/6": numeric dates.
  const numeric = /^((?:19|20)\d{2})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?(?:日)?(?:前|之前|底|底前)?$/.exec(t);
  if (numeric)
    return isoDate(Number(numeric[1]), Number(numeric[2]), numeric[3] ? Number(numeric[3]) : 'last');
  if (lastFull) {
    const y = Number(lastFull[1]);
    const m = parseChineseNumber(lastFull[2] ?? '') ?? 0;
    return isoDate(y, m, dayOf(lastFull[3], lastFull[4]));
  }
  // A year of its own: "2020年底" → its 12-31; "2019年上半年" → read the rest in that year;
  // "2019年秋季开学前", "2019年汛期前" → a season nobody can date.
  const ownYear = /^((?:19|20)\d{2})年(.*)$/.exec(t);
  if (ownYear) {
    const rest = ownYear[2] ?? '';
    if (/^度?(?:底|末|年底|年末|内|全年)?(?:前|之前|以前)?(?:完成|完工|建成|竣工|办结)?$/.test(rest))
      return `${ownYear[1]}-12-31`;
    return resolveDate(rest, Number(ownYear[1]));
  }
  if (/(?:19|20)\d{2}年/.test(t)) return null;
  if (year === null) return null;
  // "6.30", "12/31前": month and day without a year.
  const monthDay = /^(\d{1,2})[./](\d{1,2})(?:日)?(?:前|之前)?$/.exec(t);
  if (monthDay) {
    const m = Number(monthDay[1]);
    const d = Number(monthDay[2]);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return isoDate(year, m, d);
  }

  const months = [...t.matchAll(MONTH_DAY)];
  const lastMonth = months[months.length - 1];
  if (lastMonth) {
    const m = parseChineseNumber(lastMonth[1] ?? '') ?? 0;
    return isoDate(year, m, dayOf(lastMonth[2], lastMonth[3]));
  }
  const quarters = [...t.matchAll(/(?:第)?([一二三四1-4])季(?:度)?/g)];
  const lastQuarter = quarters[quarters.length - 1];
  if (lastQuarter) {
    const q = parseChineseNumber(lastQuarter[1] ?? '') ?? 0;
    const m = QUARTER_END[q];
    return m === undefined ? null : isoDate(year, m, 'last');
  }
  if (/上半年/.test(t)) return `${year}-06-30`;
  if (/下半年|年底|年末|全年|年内|年度|本年|今年|当年|年前|12月/.test(t)) return `${year}-12-31`;
  return null;
}

/**
 * A 完成时限 as printed and the date it names within the plan year (the last day of the period).
 * "一季\n度末" in 2015 → { text: "一季度末", date: "2015-03-31" }; "10月中旬" → 10-20;
 * "全年（三年工程）" → 12-31 of the plan year; null for an empty text.
 */
export function parseDeadline(text: string, year: number | null): Deadline | null {
  const t = compactText(text ?? '');
  if (!t) return null;
  try {
    return { text: t, date: resolveDate(t, year) };
  } catch {
    return { text: t, date: null };
  }
}

const INLINE_VERB =
  '(?:完成|建成|投用|投入使用|完工|竣工|开工|到位|实现|办结|落实|上线|开放|启用|交付|通车|运营|开通)';
const INLINE_TIME =
  '(?:(?:19|20)\\d{2}年(?:底|末|内)|(?:(?:19|20)\\d{2}年)?(?:(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:底|末|上旬|中旬|下旬|初)?(?:\\d{1,2}日)?|(?:第)?[一二三四1-4]季度(?:末)?|年底|年末|年内|上半年|下半年|当年|全年))';
/** A season or event nobody can date: "供暖季前", "汛期前", "秋季开学前", "春节前". */
const INLINE_SEASON = '[\\u4e00-\\u9fa5]{1,4}(?:季|期|节|开学|国庆)前';
/** Words between the clause start and the time: "确保年底前完成", "并于6月底前建成". */
const INLINE_LEAD = '(?:并|确保|力争|争取|计划|预计|要|须|必须)?(?:于|在)?';
const INLINE_DEADLINE = new RegExp(
  `(?:^|[，,。；;：:])${INLINE_LEAD}((?:${INLINE_TIME}(?:前|之前)?)|(?:${INLINE_SEASON}))(?:全部|基本|全面|如期|按期)?${INLINE_VERB}(?=[。；;，,）)]|$)`,
  'g',
);

/**
 * A deadline written inside a task's sentence ("…，2019年8月底前完成。", "三季度完成", "汛期前完成"):
 * the time phrase without its verb, or null. Only a clause that is the phrase plus a verb counts,
 * so baselines ("2015年末"), ranges ("2023—2025年"), periods ("建设工期为2017年4月至2021年5月")
 * and reporting rules ("每季度末") are not read as deadlines.
 */
export function findInlineDeadline(content: string): string | null {
  const t = compactText(content ?? '');
  let found: string | null = null;
  for (const m of t.matchAll(INLINE_DEADLINE)) found = m[1] ?? null;
  return found;
}
