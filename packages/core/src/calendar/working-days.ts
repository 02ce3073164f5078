/**
 * Chinese working days: weekends, public holidays and the adjusted working days (调休) that the
 * State Council publishes each year, from the maintained `chinese-days` package. Its data covers
 * 2004 onwards and is updated when the State Council publishes the next year's schedule:
 * `npm update chinese-days` (see README). For a year without data only weekends count, and
 * hasHolidayData(year) says so, so the console can warn.
 */
import chineseDays from 'chinese-days';

const DAY = 86_400_000;

function toUtc(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const yearsWithData = new Map<number, boolean>();

/** Whether the holiday schedule of `year` is known (every published year has 春节 holidays). */
export function hasHolidayData(year: number): boolean {
  let known = yearsWithData.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    yearsWithData.set(year, known);
  }
  return known;
}

/** "2020-10-01" (国庆) → false; "2020-10-10" (a Saturday made a working day, 调休) → true. */
export function isWorkingDay(iso: string): boolean {
  if (hasHolidayData(Number(iso.slice(0, 4)))) return chineseDays.isWorkday(iso);
  const weekday = new Date(toUtc(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Moves a date onto a working day: forward by default (a due date on 国庆 moves to the first
 * working day after), or backward with direction -1. "2020-10-05" → "2020-10-09".
 */
export function toWorkingDay(iso: string, direction: 1 | -1 = 1): string {
  let ms = toUtc(iso);
  for (let i = 0; i < 40 && !isWorkingDay(toIso(ms)); i++) ms += direction * DAY;
  return toIso(ms);
}

/**
 * Adds (or, negative, subtracts) working days: the reminder "3 working days before the due
 * date" is addWorkingDays(due, -3). "2020-10-09" − 1 → "2020-09-30".
 */
export function addWorkingDays(iso: string, days: number): string {
  let ms = toUtc(iso);
  const step = days < 0 ? -DAY : DAY;
  for (let left = Math.abs(days); left > 0;) {
    ms += step;
    if (isWorkingDay(toIso(ms))) left--;
  }
  return toIso(ms);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  const a = toUtc(from);
  const b = toUtc(to);
  const sign = b >= a ? 1 : -1;
  let count = 0;
  for (let ms = a + sign * DAY; sign > 0 ? ms <= b : ms >= b; ms += sign * DAY) {
    if (isWorkingDay(toIso(ms))) count++;
  }
  return sign * count;
}

export interface PeriodDraft {
  /** "2020-03" for a month, "2020Q1" for a quarter: the same keys as the plan document's period. */
  key: string;
  label: string;
  start: string;
  end: string;
  /** The due date, on a working day. */
  due: string;
}

const lastDay = (year: number, month: number) => toIso(Date.UTC(year, month, 0));

/**
 * The reporting periods of a year: monthly (default) or quarterly, each due on `dueDay` of the
 * following month, moved forward onto a working day. Monthly 2020 with dueDay 5: March is due
 * 2020-04-07, as 4–6 April were the 清明 holiday.
 */
export function buildPeriods(
  year: number,
  options: { cadence?: 'month' | 'quarter'; dueDay?: number } = {},
): PeriodDraft[] {
  const cadence = options.cadence ?? 'month';
  const dueDay = options.dueDay ?? 5;
  const periods: PeriodDraft[] = [];
  const step = cadence === 'month' ? 1 : 3;
  for (let first = 1; first <= 12; first += step) {
    const lastMonth = first + step - 1;
    const nextYear = lastMonth === 12 ? year + 1 : year;
    const nextMonth = lastMonth === 12 ? 1 : lastMonth + 1;
    const due = toWorkingDay(
      `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(dueDay).padStart(2, '0')}`,
    );
    const quarter = Math.ceil(lastMonth / 3);
    periods.push({
      key: cadence === 'month' ? `${year}-${String(first).padStart(2, '0')}` : `${year}Q${quarter}`,
      label:
        cadence === 'month' ? `${year}年${first}月` : `${year}年${['一', '二', '三', '四'][quarter - 1]}季度`,
      start: `${year}-${String(first).padStart(2, '0')}-01`,
      end: lastDay(year, lastMonth),
      due,
    });
  }
  return periods;
}
