import { describe, expect, it } from 'vitest';
import type { PlanDocumentBody } from '@minsheng/contract';
import { applyCellEdit, splitUnitNames } from './document-edits';

function buildDocument(): PlanDocumentBody {
  return {
    kind: 'plan',
    title: '关于做好2015年民生改善工作的通知',
    issuer: null,
    docNumber: null,
    year: 2015,
    jurisdiction: '吉林市',
    reportDate: null,
    period: null,
    declared: { categories: 1, tasks: 2 },
    categories: [{ ordinal: 1, name: '就业增收', declaredTasks: 1 }],
    tasks: [
      {
        number: 1,
        category: '就业增收',
        title: null,
        content: '发放小额担保贷款1.2亿元，扶持创业者2200人。',
        units: [{ name: '市人社局', role: 'lead' }],
        deadline: { text: '11月', date: '2015-11-30' },
        indicators: [
          {
            subject: '发放小额担保贷款',
            value: 120000000,
            unit: '元',
            comparator: '=',
            baseline: null,
            text: '发放小额担保贷款1.2亿元',
          },
          {
            subject: '扶持创业者',
            value: 2200,
            unit: '人',
            comparator: '=',
            baseline: null,
            text: '扶持创业者2200人',
          },
        ],
        progress: null,
      },
      {
        number: 2,
        category: null,
        title: null,
        content: '新建幼儿园5所。',
        units: [],
        deadline: null,
        indicators: [],
        progress: null,
      },
    ],
    warnings: [
      { code: 'TASK_WITHOUT_CATEGORY', message: '第2项没有类别', task: 2 },
      { code: 'MISSING_UNITS', message: '第2项没有责任单位', task: 2 },
      { code: 'DECLARED_TASKS_MISMATCH', message: '正文称3项', task: null },
    ],
  };
}

describe('applyCellEdit', () => {
  it('sets a category, adds it to the list and clears the warning it answers', () => {
    const next = applyCellEdit(buildDocument(), 1, 'category', ' 平安创建 ');
    expect(next.tasks[1]!.category).toBe('平安创建');
    expect(next.categories.map((c) => c.name)).toEqual(['就业增收', '平安创建']);
    expect(next.warnings.map((w) => w.code)).toEqual(['MISSING_UNITS', 'DECLARED_TASKS_MISMATCH']);
  });

  it('splits units with the first as lead and keeps brackets whole', () => {
    const next = applyCellEdit(buildDocument(), 1, 'units', '市教育局、各县(市)区，开发区');
    expect(next.tasks[1]!.units).toEqual([
      { name: '市教育局', role: 'lead' },
      { name: '各县（市）区', role: 'co' },
      { name: '开发区', role: 'co' },
    ]);
    expect(next.warnings.some((w) => w.code === 'MISSING_UNITS')).toBe(false);
    expect(splitUnitNames('')).toEqual([]);
  });

  it('drops indicators whose words left the content', () => {
    const next = applyCellEdit(buildDocument(), 0, 'content', '发放小额担保贷款1.2亿元。');
    expect(next.tasks[0]!.indicators.map((i) => i.text)).toEqual(['发放小额担保贷款1.2亿元']);
  });

  it('reads a typed deadline in the plan year', () => {
    const next = applyCellEdit(buildDocument(), 1, 'deadline', '一季度末');
    expect(next.tasks[1]!.deadline).toEqual({ text: '一季度末', date: '2015-03-31' });
    expect(applyCellEdit(buildDocument(), 0, 'deadline', '').tasks[0]!.deadline).toBeNull();
  });

  it('keeps the warning when the correction does not answer it', () => {
    const next = applyCellEdit(buildDocument(), 1, 'category', '');
    expect(next.warnings.some((w) => w.code === 'TASK_WITHOUT_CATEGORY')).toBe(true);
  });
});
