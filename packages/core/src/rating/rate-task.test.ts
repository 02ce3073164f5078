import { describe, expect, it } from 'vitest';
import {
  expectedProgress,
  indicatorCompletion,
  rateTask,
  taskCompletion,
  type RateTaskInput,
} from './rate-task';

describe('indicatorCompletion', () => {
  it.each([
    ['a plain target: 9539 of 10600 人', { value: 10600, comparator: '=', baseline: null }, 9539, 0.8999],
    [
      'over the target is not capped: 632 of 600 台',
      { value: 600, comparator: '>=', baseline: null },
      632,
      1.0533,
    ],
    [
      '由15种提高到29种, 22 reached: measured from the baseline',
      { value: 29, comparator: '=', baseline: 15 },
      22,
      0.5,
    ],
    [
      '由75%提高到80% in percentage points, 78 reached',
      { value: 80, comparator: '=', baseline: 75 },
      78,
      0.6,
    ],
    ['a cap met: 控制在5%以内, 4 reached', { value: 5, comparator: '<=', baseline: null }, 4, 1],
    ['a cap missed is inverted: 5 ÷ 8', { value: 5, comparator: '<=', baseline: null }, 8, 0.625],
    [
      'a range is reached at its low end: 1500元至5000元, 1500',
      { value: 1500, valueMax: 5000, comparator: 'range', baseline: null },
      1500,
      1,
    ],
  ] as const)('%s', (_name, target, actual, expected) => {
    expect(indicatorCompletion(target, actual)).toBeCloseTo(expected, 3);
  });
});

describe('taskCompletion', () => {
  it('counts each indicator up to 100%, so one far ahead hides no other', () => {
    const t = taskCompletion([1.68, 0.5]);
    expect(t.completion).toBeCloseTo(0.75);
    expect(t.allReached).toBe(false);
    expect(t.exceeded).toBe(false);
  });
  it('is exceeded when every target is reached and one is passed', () => {
    expect(taskCompletion([1, 1.2])).toMatchObject({ completion: 1, allReached: true, exceeded: true });
    expect(taskCompletion([1, 1])).toMatchObject({ completion: 1, allReached: true, exceeded: false });
  });
});

describe('expectedProgress (序时进度)', () => {
  it('is linear from the start to the deadline', () => {
    expect(expectedProgress({ start: '2020-01-01', deadline: '2020-12-31', asOf: '2020-07-01' })).toBeCloseTo(
      182 / 365,
      5,
    );
    expect(expectedProgress({ start: '2020-01-01', deadline: '2020-09-30', asOf: '2020-09-25' })).toBeCloseTo(
      268 / 273,
      5,
    );
  });
  it('is 0 before the start and 1 from the deadline on', () => {
    expect(expectedProgress({ start: '2020-01-01', deadline: '2020-06-30', asOf: '2019-12-01' })).toBe(0);
    expect(expectedProgress({ start: '2020-01-01', deadline: '2020-06-30', asOf: '2020-08-01' })).toBe(1);
  });
  it('follows planned milestones where the office sets them', () => {
    const milestones = [{ date: '2020-06-30', share: 0.2 }];
    // Half-way between 06-30 (20%) and 12-31 (100%) is 60%.
    const mid = expectedProgress({
      start: '2020-01-01',
      deadline: '2020-12-31',
      asOf: '2020-09-30',
      milestones,
    });
    expect(mid).toBeCloseTo(0.2 + (92 / 184) * 0.8, 5);
  });
});

const base: RateTaskInput = {
  asOf: '2020-09-25',
  start: '2020-01-01',
  deadline: '2020-12-31',
  completions: [],
  reported: true,
};

describe('rateTask', () => {
  it.each<[string, Partial<RateTaskInput>, string, RegExp]>([
    [
      'numbers on the line',
      { completions: [0.8] },
      'on_track',
      /完成率80%，序时进度73\.4%，领先6\.6个百分点/,
    ],
    [
      'behind by more than 10 points',
      { completions: [0.6] },
      'lagging',
      /完成率60%，序时进度73\.4%，落后13\.4个百分点/,
    ],
    ['behind by more than 30 points', { completions: [0.4] }, 'seriously_lagging', /落后33\.4个百分点/],
    ['all targets reached', { completions: [1, 1] }, 'completed', /目标已完成/],
    ['a target passed', { completions: [1.05, 1] }, 'exceeded', /超额/],
    [
      'past the deadline, unfinished',
      { deadline: '2020-08-31', completions: [0.9] },
      'overdue',
      /已过完成时限（2020年8月31日）/,
    ],
    ['no report for a closed period', { reported: false }, 'not_reported', /未报送/],
    [
      'a stated share when no indicator has a value',
      { statedPercent: 60, deadline: '2020-09-30' },
      'seriously_lagging',
      /完成率60%，序时进度98\.2%/,
    ],
    ['no numbers, reported done', { reportedStatus: '已完成' }, 'completed', /无量化指标/],
    [
      'no numbers, past deadline, 未完成',
      { reportedStatus: '未完成', deadline: '2020-08-31' },
      'overdue',
      /已过完成时限/,
    ],
    [
      'no numbers, 正常\\n推进 before the deadline',
      { reportedStatus: '正常\n推进' },
      'on_track',
      /未过完成时限/,
    ],
    ['no numbers, reported slow', { reportedStatus: '推进缓慢' }, 'lagging', /推进缓慢/],
    ['no numbers, not started', { reportedStatus: '未启动' }, 'not_started', /未启动/],
  ])('%s', (_name, input, rating, reason) => {
    const r = rateTask({ ...base, ...input });
    expect(r.rating).toBe(rating);
    expect(r.reason).toMatch(reason);
    expect(r.reasonEn.length).toBeGreaterThan(0);
  });

  it('never claims more completion than the unit states', () => {
    const r = rateTask({ ...base, deadline: '2020-09-30', completions: [1, 1.68], statedPercent: 90 });
    expect(r.rating).toBe('on_track');
    expect(r.completion).toBeCloseTo(0.9);
    expect(r.reason).toMatch(/完成率90%（按单位所报比例），序时进度98\.2%/);
  });

  it('lets the unit’s 未完成 stand over numbers that say done, and names the contradiction', () => {
    const r = rateTask({ ...base, deadline: '2020-08-31', completions: [1], reportedStatus: '未完成' });
    expect(r.rating).toBe('overdue');
    expect(r.reason).toMatch(/^数字显示完成率100%，但单位报告“未完成”，以单位所报为准，请核实；已过完成时限/);
  });

  it('uses the configured margins', () => {
    const r = rateTask({ ...base, completions: [0.6], margins: { lagging: 20, seriouslyLagging: 40 } });
    expect(r.rating).toBe('on_track');
  });

  it('never lets a status contradict the numbers: a unit saying 已完成 at 50% is not completed', () => {
    const r = rateTask({ ...base, completions: [0.5], reportedStatus: '已完成' });
    expect(r.rating).toBe('lagging'); // 73.4% expected − 50% done = 23.4 points behind
    expect(r.reason).toMatch(/落后23\.4个百分点/);
  });
});
