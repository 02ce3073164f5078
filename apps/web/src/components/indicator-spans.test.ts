import { describe, expect, it } from 'vitest';
import { splitByIndicators } from './indicator-spans';

const content =
  '积极落实创业扶持政策，发放小额担保贷款1.2亿元，扶持创业者2200人；免费开展创业培训10000人（其中：开展大学生创业培训2000人）。';

describe('splitByIndicators', () => {
  it('marks each indicator span in sentence order', () => {
    const segments = splitByIndicators(content, [
      { text: '发放小额担保贷款1.2亿元' },
      { text: '扶持创业者2200人' },
      { text: '开展大学生创业培训2000人' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(content);
    expect(segments.filter((s) => s.kind === 'indicator').map((s) => s.text)).toEqual([
      '发放小额担保贷款1.2亿元',
      '扶持创业者2200人',
      '开展大学生创业培训2000人',
    ]);
  });

  it('skips spans that are absent or overlap, and finds out-of-order ones', () => {
    const segments = splitByIndicators(content, [
      { text: '扶持创业者2200人' },
      { text: '发放小额担保贷款1.2亿元' },
      { text: '创业者2200' },
      { text: '不在句中' },
    ]);
    expect(segments.filter((s) => s.kind === 'indicator').map((s) => s.text)).toEqual([
      '发放小额担保贷款1.2亿元',
      '扶持创业者2200人',
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(content);
  });

  it('gives repeated words their own occurrences', () => {
    const segments = splitByIndicators('新建5所，改建5所', [{ text: '5所' }, { text: '5所' }]);
    expect(segments.map((s) => `${s.kind}:${s.text}`)).toEqual([
      'text:新建',
      'indicator:5所',
      'text:，改建',
      'indicator:5所',
    ]);
  });
});
