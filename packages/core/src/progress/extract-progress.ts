import type { Indicator, ProgressValue, TaskProgress } from '../model';
import type { IndicatorReading } from '../indicators/extract-indicators';
import { indicatorContext, readIndicators } from '../indicators/extract-indicators';
import { scaleDecimal, toHalfWidth } from '../quantity/parse-chinese-number';
import { unitKind } from '../quantity/units';

/** Words before a percentage that make it the share of the plan done: "占年计划90.5%". */
const STATED_PERCENT_RE =
  /(?:占(?:全年|全?年度?)?(?:计划|任务|目标)[^，,；;。\d]{0,8}?(?:之比)?的?|(?:完成|完工|竣工)率|完成了?(?:全年|全?年度?)?(?:目标)?任务量?的|完成了?[^，,；;。]{0,8}?(?:任务|计划|工程|目标|总量|工程量)的?|(?:完成|工程|建设|总体)?进度|(?:为|达|达到|相当于)(?:全年|全?年度?)(?:计划|任务|目标)(?:任务)?的)(?:已达到|已达|达到|达|为|是)?$/;
/** Subjects that name a part or the rest of what came before. */
const REMAINDER_RE = /^(?:其余|剩余|另有|余下|其中|另)/;
/**
 * Subjects made only of progress words ("竣工", "开工建设", "其中完工", "在建"): they name no
 * thing of their own, so they count what the task's only compatible indicator counts.
 */
const GENERIC_SUBJECT_RE =
  /^(?:其中|其余|剩余|另有|余下|累计|全部|均已|已经|已|现已|正在|目前|推进|进行|共|完成|完工|竣工|开工|建成|在建|建设|施工|改造|实施|启动|投用|投入使用|到位|使用|通车|检查|筛查|救助|发放|办理|新增|新建|惠及|覆盖|实现|开展|安装|部署|整治|提升|改扩建|改建|扩建|和|、)+$/;

interface ProgressReading {
  reading: IndicatorReading;
  /** This percentage is a stated share of the plan, not a reported value. */
  stated: boolean;
}

function clauseBefore(t: string, pos: number): string {
  let s = pos;
  // Only the few words before a percentage can make it a stated share; cap the walk back.
  while (s > 0 && pos - s < 40 && !/[，,；;。！？!?\n]/.test(t.charAt(s - 1))) s--;
  return t.slice(s, pos);
}

function readProgress(text: string): ProgressReading[] {
  const t = toHalfWidth(text);
  let previous: ProgressReading | null = null;
  return readIndicators(text, { progress: true }).map((reading) => {
    const q = reading.quantity;
    // "分别完成年度任务的77.2%和78%": the second share is stated too.
    if (
      previous?.stated === true &&
      q.unitKind === 'percent' &&
      /^[和、及与]$/.test(t.slice(previous.reading.quantity.end, q.numberStart))
    ) {
      previous = { reading, stated: true };
      return previous;
    }
    // Shares of something else ("占计生特殊家庭总数的61%", "合格率99.2%") are values.
    const stated = q.unitKind === 'percent' && STATED_PERCENT_RE.test(clauseBefore(t, q.numberStart));
    previous = { reading, stated };
    return previous;
  });
}

/** Character bigrams of the Chinese and Latin letters of a phrase. */
function bigrams(s: string): Set<string> {
  const chars = [...toHalfWidth(s).replace(/[^\u4e00-\u9fffA-Za-z]/g, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return out;
}

/**
 * How much two phrases share, by character bigrams: the mean of the Dice coefficient and the
 * overlap coefficient (shared ÷ the smaller set), so that a short figure phrase inside a long
 * indicator sentence ("宫颈癌筛查完成" in "为全省城乡适龄妇女免费开展宫颈癌筛查") scores well
 * without short indicator subjects winning on length alone. 1 for the same words, 0 for none.
 */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return ((2 * shared) / (x.size + y.size) + shared / Math.min(x.size, y.size)) / 2;
}

/** Every character of a short subject (2–4 Chinese characters) appears in `full`. */
function abbreviates(short: string, full: string): boolean {
  if (!/^[\u4e00-\u9fa5]{2,4}$/.test(short) || full.length <= short.length) return false;
  return [...short].every((ch) => full.includes(ch));
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
  const plausible = (ind: Indicator): boolean => !(ind.value > 0 && value.value / ind.value > 50);
  // A figure that names nothing ("竣工22座", "完成筛查4.1万人") counts what the task's only
  // indicator of that unit (else of that kind) counts.
  const subject = value.subject ?? '';
  // (Short phrases only: the word list may split a long run of verbs many ways.)
  if (subject === '' || (subject.length <= 16 && GENERIC_SUBJECT_RE.test(subject))) {
    for (const level of [2, 1]) {
      const fits = indicators.flatMap((ind, i) =>
        unitCompatibility(value.unit, ind.unit) === level && plausible(ind) ? [i] : [],
      );
      if (fits.length === 1) return fits[0] ?? null;
      if (fits.length > 1) break;
    }
  }
  let best: number | null = null;
  let bestScore = 0;
  indicators.forEach((ind, i) => {
    const compat = unitCompatibility(value.unit, ind.unit);
    if (compat === 0 || !plausible(ind)) return;
    const sim = Math.max(
      similarity(value.subject ?? '', indicatorContext(ind)),
      similarity(value.subject ?? '', ind.subject ?? ''),
      similarity(value.subject ?? '', ind.text),
      // A short form of the same words: "改厕" of "农村户厕改造" (same unit only).
      compat === 2 && abbreviates(value.subject ?? '', ind.subject ?? '') ? 0.05 : 0,
    );
    // Same unit: one shared pair of characters will do ("小区"); a kindred unit needs more.
    const needed = compat === 2 ? 0.01 : 0.15;
    if (sim < needed) return;
    const score = sim + (compat === 2 ? 0.2 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** A progress "text" that is only table cells of figures: "1.52 84.4%". */
const CELLS_ONLY_RE = /^\s*\d+(?:\.\d+)?%?(?:\s+\d+(?:\.\d+)?%?)*\s*$/;

/**
 * Figures read from bare table cells, in indicator order, in the indicator's unit. A cell is
 * written in the column's unit ("1.52" under 万人), so the scale (1, 万, 亿) is the one that
 * puts the figure nearest the stated share of its target ("1.52 84.4%" against 1.8万人 → 15200).
 */
function readCells(text: string, indicators: Indicator[], status: string | null): TaskProgress {
  const cells = toHalfWidth(text).trim().split(/\s+/);
  const percents = cells.filter((c) => c.endsWith('%')).map((c) => Number(c.slice(0, -1)));
  const statedPercent = percents[0] ?? null;
  const numbers = cells.filter((c) => !c.endsWith('%'));
  const want = statedPercent !== null && statedPercent > 0 ? statedPercent / 100 : 1;
  const values: ProgressValue[] = numbers.map((cell, i) => {
    const ind = indicators[i];
    if (ind === undefined) return { subject: null, value: Number(cell), unit: null, indicator: null };
    let best = Number(cell);
    if (ind.value > 0 && best > 0) {
      const off = (v: number): number => Math.abs(Math.log(v / ind.value / want));
      for (const exp of [4, 8]) {
        const scaled = scaleDecimal(cell, exp);
        if (off(scaled) < off(best)) best = scaled;
      }
    }
    return { subject: ind.subject, value: best, unit: ind.unit, indicator: i };
  });
  return { text, status, statedPercent, values };
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
  if (CELLS_ONLY_RE.test(toHalfWidth(text))) return readCells(text, indicators, status);
  let readings: ProgressReading[];
  try {
    readings = readProgress(text);
  } catch {
    // A parsing bug must not lose the report: the text is kept, the figures can be typed.
    readings = [];
  }
  const stated = readings.find((r) => r.stated);
  const values: ProgressValue[] = [];
  let prevContext = '';
  for (const { reading } of readings.filter((r) => !r.stated)) {
    const v = {
      subject: reading.indicator.subject,
      value: reading.indicator.value,
      unit: reading.indicator.unit,
    };
    // Matching reads the wider phrase: "22个小区主体工程已完工" has no subject of its own.
    const context = reading.context;
    // "7所学校已完工": a figure that leads its clause counts what the task's only indicator of
    // that unit counts, whatever words follow it.
    const leads = clauseBefore(toHalfWidth(text), reading.quantity.numberStart).trim() === '';
    let indicator =
      (leads ? matchIndicator({ ...v, subject: null }, indicators) : null) ??
      matchIndicator({ ...v, subject: context }, indicators);
    const prev = values[values.length - 1];
    if (indicator === null && prev !== undefined && prev.indicator !== null) {
      // "其余5所将于四季度完工", "另有47个在建": the rest of what the figure before counted.
      const remainder = REMAINDER_RE.test(context) && unitCompatibility(prev.unit, v.unit) > 0;
      // "油水分离器在市区安装完成400套，外市（县）安装完成32套": the second continues the first.
      const continued = prev.unit === v.unit && similarity(prevContext, context) >= 0.2;
      if (remainder || continued) indicator = prev.indicator;
    }
    // "70台为天然气车，剩余41台为新能源公交车": the part before a matched remainder is the
    // other part of the same whole.
    if (indicator !== null && prev !== undefined && prev.indicator === null && REMAINDER_RE.test(context)) {
      if (prev.unit === v.unit) prev.indicator = indicator;
    }
    values.push({ ...v, indicator });
    prevContext = context;
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
  // Prefer what the progress says (the office may have corrected the match). Its values are
  // in text order, so a cursor finds each in one pass.
  let cursor = 0;
  const indicatorOf = (r: IndicatorReading): number | null => {
    for (let k = cursor; k < progress.values.length; k++) {
      const v = progress.values[k];
      if (v !== undefined && v.value === r.indicator.value && v.unit === r.indicator.unit) {
        cursor = k + 1;
        return v.indicator;
      }
    }
    return matchIndicator({ ...r.indicator, subject: r.context }, indicators);
  };

  // Each stated share is checked against the figures reported since the previous one
  // ("完成…9539人，占年计划90.5%；…3806人，占年计划93%" pairs 9539 with 90.5). A share that
  // comes from elsewhere (a 完成率 column) is checked against every figure of the text.
  const segments: Array<{ stated: number; figures: Array<{ value: number; indicator: number }> }> = [];
  let figures: Array<{ value: number; indicator: number }> = [];
  for (const r of readings) {
    if (r.stated) {
      segments.push({ stated: r.reading.indicator.value, figures });
      figures = [];
    } else if (r.reading.quantity.unitKind !== 'percent') {
      const indicator = indicatorOf(r.reading);
      if (indicator !== null) figures.push({ value: r.reading.indicator.value, indicator });
    }
  }
  if (segments.length === 0 && progress.statedPercent !== null) {
    const all = progress.values.flatMap((v) =>
      v.indicator !== null && unitKind(v.unit) !== 'percent'
        ? [{ value: v.value, indicator: v.indicator }]
        : [],
    );
    segments.push({ stated: progress.statedPercent, figures: all });
  }
  for (const { stated, figures: candidates } of segments) {
    const computed = candidates.flatMap(({ value, indicator }) => {
      const target = indicators[indicator];
      if (target === undefined || target.value <= 0 || target.comparator === 'range') return [];
      return [percentOf(value, target.value)];
    });
    if (computed.length === 0) continue;
    // A share that agrees with any of the figures is fine ("建成18所，新增学位4800个，完成45%"
    // agrees with 18 of 40 所); otherwise the nearest figure is the one shown.
    const nearest = computed.reduce((a, b) => (Math.abs(b - stated) < Math.abs(a - stated) ? b : a));
    if (Math.abs(stated - nearest) >= 0.5 - 1e-9) return { stated, computed: nearest };
  }
  return null;
}
