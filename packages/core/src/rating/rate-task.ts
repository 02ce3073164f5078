/**
 * Ratings (评定): where a task stands, computed from its numbers and its deadline, never typed
 * by hand — with the reason in words, so that a status and the numbers cannot contradict.
 */
import type { Comparator } from '../model';

export type Rating =
  | 'completed' // 已完成
  | 'exceeded' // 超额完成
  | 'on_track' // 正常推进
  | 'lagging' // 推进缓慢
  | 'seriously_lagging' // 严重滞后
  | 'overdue' // 逾期
  | 'not_reported' // 未报送
  | 'not_started'; // 未启动

export const ratingLabels: Record<Rating, { zh: string; en: string }> = {
  completed: { zh: '已完成', en: 'Completed' },
  exceeded: { zh: '超额完成', en: 'Exceeded' },
  on_track: { zh: '正常推进', en: 'On track' },
  lagging: { zh: '推进缓慢', en: 'Lagging' },
  seriously_lagging: { zh: '严重滞后', en: 'Seriously lagging' },
  overdue: { zh: '逾期', en: 'Overdue' },
  not_reported: { zh: '未报送', en: 'Not reported' },
  not_started: { zh: '未启动', en: 'Not started' },
};

/** Margins in percentage points behind the expected line; configurable per jurisdiction. */
export interface RatingMargins {
  lagging: number;
  seriouslyLagging: number;
}

export const defaultMargins: RatingMargins = { lagging: 10, seriouslyLagging: 30 };

export interface IndicatorTarget {
  value: number;
  comparator: Comparator;
  baseline: number | null;
  /** For ranges: the high end (the target is reached at the low end). */
  valueMax?: number | null;
}

/**
 * How far an indicator is towards its target, as a fraction (1 = reached), never capped.
 * "由15种提高到29种" with 22 reached → (22 − 15) ÷ (29 − 15) = 0.5;
 * a cap ("控制在5%以内") is met at or under the target, and inverted above it: 5 ÷ 8 = 0.625.
 */
export function indicatorCompletion(target: IndicatorTarget, actual: number): number {
  if (target.comparator === '<=') {
    if (actual <= target.value) return 1;
    return actual === 0 ? 1 : target.value / actual;
  }
  const base = target.baseline ?? 0;
  const span = target.value - base;
  if (span <= 0) return actual >= target.value ? 1 : 0;
  return (actual - base) / span;
}

/** Task completion from its indicators: each counts up to 100 % (one far ahead hides no other). */
export function taskCompletion(completions: number[]): {
  completion: number;
  allReached: boolean;
  exceeded: boolean;
} {
  if (completions.length === 0) return { completion: 0, allReached: false, exceeded: false };
  const capped = completions.map((c) => Math.max(0, Math.min(1, c)));
  const completion = capped.reduce((a, b) => a + b, 0) / capped.length;
  const allReached = completions.every((c) => c >= 1);
  const exceeded = allReached && completions.some((c) => c > 1.0001);
  return { completion, allReached, exceeded };
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;

/**
 * 序时进度: the share of the task's time that has passed by `asOf` — linear from the start (the
 * plan year's 1 January unless given) to the deadline, or between planned milestones.
 * start 2020-01-01, deadline 2020-12-31, as of 2020-07-01 → 0.5 (182 of 365 days… rounded by the caller).
 */
export function expectedProgress(input: {
  start: string;
  deadline: string;
  asOf: string;
  /** Optional planned milestones: by `date`, `share` (0–1) of the task should be done. */
  milestones?: { date: string; share: number }[];
}): number {
  const asOf = toDay(input.asOf);
  const points = [
    { day: toDay(input.start), share: 0 },
    ...(input.milestones ?? []).map((m) => ({ day: toDay(m.date), share: m.share })),
    { day: toDay(input.deadline), share: 1 },
  ].sort((a, b) => a.day - b.day);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (asOf <= first.day) return 0;
  if (asOf >= last.day) return 1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (asOf <= b.day)
      return b.day === a.day ? b.share : a.share + ((asOf - a.day) / (b.day - a.day)) * (b.share - a.share);
  }
  return 1;
}

export interface RateTaskInput {
  /** The day the rating is for (a period's end, or today). */
  asOf: string;
  /** Start of the task's time: the plan's start, default the plan year's 1 January. */
  start: string;
  /** The resolved deadline date; null rates against the year's end. */
  deadline: string | null;
  /** Completion of each numeric indicator (see indicatorCompletion); empty when it has none. */
  completions: number[];
  /** A completion share the unit stated ("完成工程总量的60%"), used when no indicator has a value. */
  statedPercent?: number | null;
  /** The status word the unit reported (已完成, 正常推进, 推进缓慢, 未完成, 未启动 …). */
  reportedStatus?: string | null;
  /** False when a period closed without a report from the lead unit. */
  reported: boolean;
  milestones?: { date: string; share: number }[];
  margins?: RatingMargins;
}

export interface TaskRating {
  rating: Rating;
  /** Completion as a fraction, when it could be computed from numbers. */
  completion: number | null;
  expected: number;
  /** Percentage points behind the expected line (negative: ahead). */
  gap: number | null;
  /** Why, in words: "完成率60%，序时进度75%，落后15个百分点". */
  reason: string;
  reasonEn: string;
}

/** "2020-08-31" → "2020年8月31日", as officials write dates. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const points = (x: number) => `${Math.round(x * 10) / 10}`;

function statusWord(
  status: string | null | undefined,
): 'done' | 'not_started' | 'unfinished' | 'lagging' | 'normal' | null {
  if (!status) return null;
  const s = status.replace(/\s+/g, '');
  if (/未启动|未开工/.test(s)) return 'not_started';
  if (/未完成/.test(s)) return 'unfinished';
  if (/已完成|完成$|已竣工|超额/.test(s)) return 'done';
  if (/缓慢|滞后|落后/.test(s)) return 'lagging';
  if (/正常|推进|进行/.test(s)) return 'normal';
  return null;
}

/**
 * Rates one task. Numbers rule: the completion from the indicators (or a stated share when
 * none has a value) against 序时进度; tasks without numbers are rated from the reported status
 * and the deadline.
 *
 * { asOf: "2020-09-25", start: "2020-01-01", deadline: "2020-09-30", completions: [], statedPercent: 60 }
 *   → seriously_lagging, "完成率60%，序时进度98.2%，落后38.2个百分点"
 */
export function rateTask(input: RateTaskInput): TaskRating {
  const margins = input.margins ?? defaultMargins;
  const deadline = input.deadline ?? `${input.start.slice(0, 4)}-12-31`;
  const expected = expectedProgress({
    start: input.start,
    deadline,
    asOf: input.asOf,
    milestones: input.milestones,
  });
  const pastDeadline = toDay(input.asOf) > toDay(deadline);
  const word = statusWord(input.reportedStatus);

  if (!input.reported) {
    return {
      rating: 'not_reported',
      completion: null,
      expected,
      gap: null,
      reason: `本期未报送，序时进度${pct(expected)}`,
      reasonEn: `No report for the period; expected progress ${pct(expected)}`,
    };
  }

  let completion: number | null = null;
  let exceeded = false;
  let capped = false;
  const stated = input.statedPercent != null ? input.statedPercent / 100 : null;
  if (input.completions.length > 0) {
    const t = taskCompletion(input.completions);
    completion = t.completion;
    exceeded = t.exceeded;
    // A rating never claims more than the unit itself does: "11个示范村…已完成建设任务90%"
    // is 90 %, not the 100 % that counting the villages under way would give.
    if (stated != null && stated < completion) {
      completion = stated;
      exceeded = false;
      capped = true;
    }
  } else if (stated != null) {
    completion = stated;
  }

  // The numbers say done but the unit says it is not ("已完成…5个口袋公园…招标" with 未完成): the
  // unit's word stands, rated from status and deadline, and the contradiction is named.
  let contradiction: { zh: string; en: string } | null = null;
  if (completion != null && completion >= 1 && (word === 'unfinished' || word === 'not_started')) {
    contradiction = {
      zh: `数字显示完成率${pct(completion)}，但单位报告“${input.reportedStatus}”，以单位所报为准，请核实；`,
      en: `the numbers show ${pct(completion)} but the unit reports "${input.reportedStatus}"; check it. `,
    };
    completion = null;
  }

  if (completion != null) {
    const gap = (expected - completion) * 100;
    const head = `完成率${pct(completion)}${capped ? '（按单位所报比例）' : ''}，序时进度${pct(expected)}`;
    const headEn = `completion ${pct(completion)}${capped ? ' (as the unit stated)' : ''}, expected ${pct(expected)}`;
    if (completion >= 1) {
      return exceeded
        ? {
            rating: 'exceeded',
            completion,
            expected,
            gap,
            reason: `${head}，各项指标均已超额完成`,
            reasonEn: `${headEn}; every target exceeded`,
          }
        : {
            rating: 'completed',
            completion,
            expected,
            gap,
            reason: `${head}，目标已完成`,
            reasonEn: `${headEn}; targets reached`,
          };
    }
    if (pastDeadline) {
      return {
        rating: 'overdue',
        completion,
        expected,
        gap,
        reason: `已过完成时限（${formatChineseDate(deadline)}），${head}`,
        reasonEn: `past its deadline (${deadline}); ${headEn}`,
      };
    }
    if (completion === 0 && word === 'not_started') {
      return {
        rating: 'not_started',
        completion,
        expected,
        gap,
        reason: `尚未启动，${head}`,
        reasonEn: `not started; ${headEn}`,
      };
    }
    if (gap > margins.seriouslyLagging) {
      return {
        rating: 'seriously_lagging',
        completion,
        expected,
        gap,
        reason: `${head}，落后${points(gap)}个百分点（超过${margins.seriouslyLagging}个百分点）`,
        reasonEn: `${headEn}; ${points(gap)} points behind (more than ${margins.seriouslyLagging})`,
      };
    }
    if (gap > margins.lagging) {
      return {
        rating: 'lagging',
        completion,
        expected,
        gap,
        reason: `${head}，落后${points(gap)}个百分点（超过${margins.lagging}个百分点）`,
        reasonEn: `${headEn}; ${points(gap)} points behind (more than ${margins.lagging})`,
      };
    }
    const where = gap > 0 ? `落后${points(gap)}个百分点，在允许范围内` : `领先${points(-gap)}个百分点`;
    const whereEn =
      gap > 0 ? `${points(gap)} points behind, within the margin` : `${points(-gap)} points ahead`;
    return {
      rating: 'on_track',
      completion,
      expected,
      gap,
      reason: `${head}，${where}`,
      reasonEn: `${headEn}; ${whereEn}`,
    };
  }

  // No numbers: the reported status and the deadline.
  if (word === 'done') {
    return {
      rating: 'completed',
      completion: null,
      expected,
      gap: null,
      reason: '单位报告已完成（无量化指标）',
      reasonEn: 'reported completed (no numeric targets)',
    };
  }
  if (pastDeadline) {
    return {
      rating: 'overdue',
      completion: null,
      expected,
      gap: null,
      reason: `${contradiction?.zh ?? ''}已过完成时限（${formatChineseDate(deadline)}）仍未报告完成`,
      reasonEn: `${contradiction?.en ?? ''}past its deadline (${deadline}) and not reported completed`,
    };
  }
  if (word === 'not_started') {
    return {
      rating: 'not_started',
      completion: null,
      expected,
      gap: null,
      reason: `${contradiction?.zh ?? ''}单位报告未启动，序时进度${pct(expected)}`,
      reasonEn: `${contradiction?.en ?? ''}reported not started; expected ${pct(expected)}`,
    };
  }
  if (word === 'lagging' || word === 'unfinished') {
    return {
      rating: 'lagging',
      completion: null,
      expected,
      gap: null,
      reason: `${contradiction?.zh ?? ''}单位报告“${input.reportedStatus}”，序时进度${pct(expected)}`,
      reasonEn: `${contradiction?.en ?? ''}reported "${input.reportedStatus}"; expected ${pct(expected)}`,
    };
  }
  return {
    rating: 'on_track',
    completion: null,
    expected,
    gap: null,
    reason: `无量化指标，单位报告${input.reportedStatus ? `“${input.reportedStatus}”` : '有进展'}，未过完成时限`,
    reasonEn: `no numeric targets; reported ${input.reportedStatus ? `"${input.reportedStatus}"` : 'progress'}, before its deadline`,
  };
}
