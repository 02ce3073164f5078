import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildPeriods,
  hasHolidayData,
  isWorkingDay,
  toWorkingDay,
  workingDaysBetween,
} from './working-days';

describe('working days', () => {
  it.each([
    ['2020-10-01', false, '国庆节'],
    ['2020-10-08', false, '国庆中秋 holiday runs to 8 October in 2020'],
    ['2020-10-10', true, 'a Saturday made a working day (调休)'],
    ['2020-09-25', true, 'a plain Friday'],
    ['2020-09-26', false, 'a plain Saturday'],
    ['2020-01-31', false, '春节 extended in 2020'],
  ])('%s is a working day: %s (%s)', (day, working) => {
    expect(isWorkingDay(day)).toBe(working);
  });

  it('knows which years it has holiday data for', () => {
    expect(hasHolidayData(2020)).toBe(true);
    expect(hasHolidayData(1999)).toBe(false);
  });

  it('counts only weekends in a year without data', () => {
    expect(isWorkingDay('1999-10-01')).toBe(true); // a Friday: no data for 1999
    expect(isWorkingDay('1999-10-02')).toBe(false);
  });

  it('moves a due date onto a working day', () => {
    expect(toWorkingDay('2020-10-05')).toBe('2020-10-09');
    expect(toWorkingDay('2020-10-05', -1)).toBe('2020-09-30');
    expect(toWorkingDay('2020-09-25')).toBe('2020-09-25');
  });

  it('adds and counts working days across 调休', () => {
    expect(addWorkingDays('2020-10-09', -1)).toBe('2020-09-30');
    expect(addWorkingDays('2020-09-30', 1)).toBe('2020-10-09');
    expect(addWorkingDays('2020-10-09', 1)).toBe('2020-10-10');
    expect(workingDaysBetween('2020-09-30', '2020-10-10')).toBe(2);
    expect(workingDaysBetween('2020-10-10', '2020-09-30')).toBe(-2);
  });
});

describe('buildPeriods', () => {
  it('makes twelve monthly periods due on working days', () => {
    const periods = buildPeriods(2020);
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({
      key: '2020-01',
      label: '2020年1月',
      start: '2020-01-01',
      end: '2020-01-31',
      due: '2020-02-05',
    });
    // 5 April 2020 was 清明 (4–6 April off): March is due on the 7th.
    expect(periods[2]!.due).toBe('2020-04-07');
    // 5 October 2020 is in the 国庆 holiday: September is due on the 9th.
    expect(periods[8]!.due).toBe('2020-10-09');
    expect(periods[11]).toMatchObject({ key: '2020-12', end: '2020-12-31', due: '2021-01-05' });
    for (const p of periods) expect(isWorkingDay(p.due)).toBe(true);
  });

  it('makes quarterly periods', () => {
    const periods = buildPeriods(2020, { cadence: 'quarter', dueDay: 10 });
    expect(periods.map((p) => p.key)).toEqual(['2020Q1', '2020Q2', '2020Q3', '2020Q4']);
    expect(periods[2]).toMatchObject({
      label: '2020年三季度',
      start: '2020-07-01',
      end: '2020-09-30',
      due: '2020-10-10',
    });
  });
});
