import type { Indicator, ProgressValue, TaskProgress } from '../model';
import type { IndicatorReading } from '../indicators/extract-indicators';
import { readIndicators } from '../indicators/extract-indicators';
import { toHalfWidth } from '../quantity/parse-chinese-number';
import { unitKind } from '../quantity/units';

/** Words before a percentage that make it the share of the plan done: "占年计划90.5%". */
const STATED_PERCENT_RE =
  /(?:占(?:全年|全?年度?)?(?:计划|任务|目标)[^，,；;。\d]{0,8}?(?:之比)?的?|完成率|完成了?(?:全年|全?年度?)?(?:目标)?任务量?的|完成了?[^，,；;。]{0,8}?(?:任务|计划|工程|目标|总量|工程量)的?|(?:完成|工程|建设|总体)?进度)(?:已达到|已达|达到|达|为|是)?$/;
/** "占计生特殊家庭总数的61%": a share of something else, not a figure reported. */
const OTHER_SHARE_RE = /占[^，,；;。]{0,16}$/;

interface ProgressReading {
  reading: IndicatorReading;
  /** This percentage is a stated share of the plan, not a reported value. */
  stated: boolean;
  /** A share of something else ("占总数的61%"): neither stated nor a value. */
  share: boolean;
}

function clauseBefore(t: string, pos: number): string {
  let s = pos;
  while (s > 0 && !/[，,；;。！？!?\n]/.test(t.charAt(s - 1))) s--;
  return t.slice(s, pos);
}

function readProgress(text: string): ProgressReading[] {
  const t = toHalfWidth(text);
  return readIndicators(text, { progress: true }).map((reading) => {
    const q = reading.quantity;
    if (q.unitKind !== 'percent') return { reading, stated: false, share: false };
    const before = clauseBefore(t, q.numberStart);
    if (STATED_PERCENT_RE.test(before)) return { reading, stated: true, share: false };
    return { reading, stated: false, share: OTHER_SHARE_RE.test(before) };
  });
}

/** Character bigrams of the Chinese and Latin letters of a phrase. */
function bigrams(s: string): Set<string> {
  const chars = [...toHalfWidth(s).replace(/[^\u4e00-\u9fffA-Za-z]/g, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return out;
}

/** Dice coefficient of two phrases' bigrams: 1 for the same words, 0 for nothing shared. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** 2 when the units are the same (rates aside: 元/年 is 元), 1 when they count the same kind of thing, else 0. */
function unitCompatibility(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  const baseA = a.split(/[/／]/)[0] ?? a;
  const baseB = b.split(/[/／]/)[0] ?? b;
  if (baseA === baseB) return 2;
  const ka = unitKind(baseA);
  const kb = unitKind(baseB);
  const people = (k: string | null): boolean => k === 'person' || k === 'noun';
  if (people(ka) && people(kb)) return 1;
  if (ka === kb && ka !== null && ka !== 'percent' && ka !== 'points') return 1;
  if ((ka === 'count' && kb === 'household') || (ka === 'household' && kb === 'count')) return 1;
  return 0;
}

/**
 * The index of the indicator a reported figure measures: a compatible unit, then the closest
 * subject by shared character bigrams; null when nothing fits or the figure is implausibly
 * large for the target (over 50 times it).
 */
export function matchIndicator(
  value: { subject: string | null; value: number; unit: string | null },
  indicators: Indicator[],
): number | null {
  let best: number | null = null;
  let bestScore = 0;
  indicators.forEach((ind, i) => {
    const compat = unitCompatibility(value.unit, ind.unit);
    if (compat === 0) return;
    if (ind.value > 0 && value.value / ind.value > 50) return;
    const sim = Math.max(
      similarity(value.subject ?? '', ind.subject ?? ''),
      similarity(value.subject ?? '', ind.text),
    );
    const needed = compat === 2 ? 0.1 : 0.25;
    if (sim < needed) return;
    const score = sim + (compat === 2 ? 0.2 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/**
 * The quantities a progress text reports, matched to the task's indicators; the first
 * "占年计划…%" / "完成率…%" / "完成年度目标任务的…%" is the stated percent, not a value.
 * "完成失业人员再就业9539人，占年计划90.5%" against 失业人员再就业 10600 人 →
 * { statedPercent: 90.5, values: [{ subject: "失业人员再就业", value: 9539, unit: "人", indicator: 0 }] }
 */
export function extractProgress(
  text: string,
  indicators: Indicator[],
  status: string | null = null,
): TaskProgress {
  let readings: ProgressReading[];
  try {
    readings = readProgress(text);
  } catch {
    // A parsing bug must not lose the report: the text is kept, the figures can be typed.
    readings = [];
  }
  const stated = readings.find((r) => r.stated);
  const values: ProgressValue[] = [];
  for (const { reading } of readings.filter((r) => !r.stated && !r.share)) {
    const v = {
      subject: reading.indicator.subject,
      value: reading.indicator.value,
      unit: reading.indicator.unit,
    };
    let indicator = matchIndicator(v, indicators);
    const prev = values[values.length - 1];
    // "油水分离器在市区安装完成400套，外市（县）安装完成32套": the second continues the first.
    if (
      indicator === null &&
      prev !== undefined &&
      prev.indicator !== null &&
      prev.unit === v.unit &&
      similarity(prev.subject ?? '', v.subject ?? '') >= 0.2
    ) {
      indicator = prev.indicator;
    }
    values.push({ ...v, indicator });
  }
  return { text, status, statedPercent: stated ? stated.reading.indicator.value : null, values };
}

/** value ÷ target as a percentage rounded to one decimal, on integers so 1225/2000 gives 61.3. */
function percentOf(value: number, target: number): number {
  return Math.round((value * 1000) / target) / 10;
}

/**
 * The check behind STATED_PERCENT_MISMATCH: each stated share ("占年计划90.5%") against
 * value ÷ target of the figure it follows. Returns the first disagreement, or null when
 * there is nothing to compare or all agree.
 *
 * Both sides are compared at one decimal, as the documents print them, and a difference
 * of half a point or more counts: "完成失业人员再就业9539人，占年计划90.5%" against 10600 人
 * is 89.99 → 90.0 against 90.5 → { stated: 90.5, computed: 90 }, the case the office wants
 * flagged (a strict "more than 0.5" on unrounded figures would let it pass by 0.01).
 */
export function checkStatedPercent(
  progress: TaskProgress,
  indicators: Indicator[],
): { stated: number; computed: number } | null {
  let readings: ProgressReading[];
  try {
    readings = readProgress(progress.text);
  } catch {
    return null;
  }
  const used = new Set<number>();
  const indicatorOf = (r: IndicatorReading): number | null => {
    // Prefer what the progress says (the office may have corrected the match).
    const k = progress.values.findIndex(
      (v, i) => !used.has(i) && v.value === r.indicator.value && v.unit === r.indicator.unit,
    );
    if (k >= 0) {
      used.add(k);
      return progress.values[k]?.indicator ?? null;
    }
    return matchIndicator(r.indicator, indicators);
  };

  const pairs: Array<{ value: number; indicator: number | null; stated: number }> = [];
  let pending: { value: number; indicator: number | null } | null = null;
  for (const r of readings) {
    if (r.share) continue;
    if (r.stated) {
      if (pending !== null) pairs.push({ ...pending, stated: r.reading.indicator.value });
      pending = null;
    } else {
      pending = { value: r.reading.indicator.value, indicator: indicatorOf(r.reading) };
    }
  }
  if (pairs.length === 0 && progress.statedPercent !== null) {
    const matched = progress.values.filter((v) => v.indicator !== null);
    const only = matched.length === 1 ? matched[0] : undefined;
    if (only !== undefined)
      pairs.push({ value: only.value, indicator: only.indicator, stated: progress.statedPercent });
  }
  for (const p of pairs) {
    if (p.indicator === null) continue;
    const target = indicators[p.indicator];
    if (target === undefined || target.value <= 0 || target.comparator === 'range') continue;
    const computed = percentOf(p.value, target.value);
    if (Math.abs(p.stated - computed) >= 0.5 - 1e-9) return { stated: p.stated, computed };
  }
  return null;
}
