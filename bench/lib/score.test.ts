import { describe, expect, it } from 'vitest';
import type { Indicator, PlanDocument, PlanTask } from '@minsheng/core';
import { combineScores, scoreDocument, verdict } from './score';

function ind(
  value: number,
  unit: string | null,
  comparator: Indicator['comparator'] = '=',
  extra: Partial<Indicator> = {},
): Indicator {
  return { subject: 's', value, unit, comparator, baseline: null, text: 't', ...extra };
}

function task(number: number, extra: Partial<PlanTask> = {}): PlanTask {
  return {
    number,
    category: '就业',
    title: null,
    content: `内容${number}`,
    units: [{ name: '市人社局', role: 'lead' }],
    deadline: { text: '11月', date: '2015-11-30' },
    indicators: [],
    progress: null,
    ...extra,
  };
}

function doc(tasks: PlanTask[], extra: Partial<PlanDocument> = {}): PlanDocument {
  return {
    kind: 'plan',
    title: '标题',
    issuer: null,
    docNumber: null,
    year: 2015,
    jurisdiction: '吉林市',
    reportDate: null,
    period: null,
    declared: { categories: null, tasks: null },
    categories: [],
    tasks,
    warnings: [],
    ...extra,
  };
}

describe('scoreDocument', () => {
  it('scores a perfect match as 1 everywhere', () => {
    const e = doc([task(1, { indicators: [ind(10600, '人', '>=')] }), task(2)]);
    const s = scoreDocument(structuredClone(e), e);
    expect(s.tasks.share).toBe(1);
    expect(s.taskFields.accuracy).toBe(1);
    expect(s.documentFields.accuracy).toBe(1);
    expect(s.indicators.f1).toBe(1);
    expect(s.progress).toBeNull();
    expect(s.mismatches).toEqual([]);
    expect(verdict(s).pass).toBe(true);
  });

  it('counts missing tasks against tasks found and fields, and their indicators as misses', () => {
    const e = doc([task(1, { indicators: [ind(1, '个')] }), task(2), task(3), task(4)]);
    const a = doc([task(1, { indicators: [ind(1, '个')] }), task(2), task(3)]);
    const s = scoreDocument(a, e);
    expect(s.tasks).toEqual({ expected: 4, found: 3, extra: 0, share: 0.75 });
    expect(s.taskFields.total).toBe(24);
    expect(s.taskFields.correct).toBe(18);
    expect(s.indicators.f1).toBe(1);
    expect(verdict(s).tasks).toBe(false);
  });

  it('compares fields exactly after trimming', () => {
    const e = doc([task(1, { content: '发放贷款8700万元。' })]);
    const a = doc([
      task(1, { content: '  发放贷款8700万元。\n', units: [{ name: '市人社局', role: 'co' }] }),
    ]);
    const s = scoreDocument(a, e);
    expect(s.taskFields.perField.content).toEqual({ correct: 1, total: 1 });
    expect(s.taskFields.perField.units).toEqual({ correct: 0, total: 1 });
    expect(s.mismatches.map((m) => m.field)).toEqual(['units']);
  });

  it('treats deadline null and deadline fields separately', () => {
    const e = doc([task(1, { deadline: { text: '11月', date: null } })]);
    const a = doc([task(1, { deadline: null })]);
    const s = scoreDocument(a, e);
    expect(s.taskFields.perField.deadlineText.correct).toBe(0);
    expect(s.taskFields.perField.deadlineDate.correct).toBe(1);
  });

  it('matches indicators on value, unit and comparator within a task', () => {
    const e = doc([task(1, { indicators: [ind(10600, '人'), ind(5000, '人'), ind(87000000, '元')] })]);
    const a = doc([
      task(1, {
        indicators: [
          ind(87000000, '元', '=', { subject: 'x', text: 'y' }),
          ind(10600, '人', '>='),
          ind(3, '个'),
        ],
      }),
    ]);
    const s = scoreDocument(a, e);
    expect(s.indicators.truePositives).toBe(1);
    expect(s.indicators.falsePositives).toBe(2);
    expect(s.indicators.falseNegatives).toBe(2);
    expect(s.indicators.precision).toBeCloseTo(1 / 3);
    expect(s.indicators.recall).toBeCloseTo(1 / 3);
    expect(s.indicators.f1).toBeCloseTo(1 / 3);
    expect(s.indicators.subjectAgreement).toEqual({ correct: 0, total: 1 });
    expect(s.indicators.textAgreement).toEqual({ correct: 0, total: 1 });
  });

  it('does not match an indicator of another task', () => {
    const e = doc([task(1, { indicators: [ind(1, '个')] }), task(2)]);
    const a = doc([task(1), task(2, { indicators: [ind(1, '个')] })]);
    const s = scoreDocument(a, e);
    expect(s.indicators.truePositives).toBe(0);
    expect(s.indicators.f1).toBe(0);
  });

  it('counts indicators of extra tasks as false positives', () => {
    const e = doc([task(1)]);
    const a = doc([task(1), task(9, { indicators: [ind(1, '个')] })]);
    const s = scoreDocument(a, e);
    expect(s.tasks.extra).toBe(1);
    expect(s.indicators.falsePositives).toBe(1);
    expect(s.indicators.precision).toBe(0);
  });

  it('gives F1 = 1 when neither side has indicators', () => {
    const s = scoreDocument(doc([task(1)]), doc([task(1)]));
    expect(s.indicators.f1).toBe(1);
  });

  it('checks baseline and valueMax apart from the match', () => {
    const e = doc([
      task(1, {
        indicators: [ind(1500, '元', 'range', { valueMax: 5000 }), ind(29, '种', '=', { baseline: 15 })],
      }),
    ]);
    const a = doc([
      task(1, {
        indicators: [ind(1500, '元', 'range', { valueMax: 4000 }), ind(29, '种', '=', { baseline: 15 })],
      }),
    ]);
    const s = scoreDocument(a, e);
    expect(s.indicators.f1).toBe(1);
    expect(s.indicators.baselineAgreement).toEqual({ correct: 1, total: 2 });
  });

  it('scores document fields including declared', () => {
    const e = doc([task(1)], { declared: { categories: 7, tasks: 28 }, docNumber: '吉政发〔2017〕9号' });
    const a = doc([task(1)], {
      declared: { categories: 7, tasks: 27 },
      docNumber: '吉政发〔2017〕9号',
      year: null,
    });
    const s = scoreDocument(a, e);
    expect(s.documentFields).toEqual({ correct: 6, total: 8, accuracy: 0.75 });
    expect(verdict(s).documentFields).toBe(false);
  });

  it('scores progress by status, statedPercent and values mapped through indicator matching', () => {
    const progress = {
      text: '完成失业人员再就业9539人，占年计划90.5%',
      status: null,
      statedPercent: 90.5,
      values: [
        { subject: '失业人员再就业', value: 9539, unit: '人', indicator: 1 },
        { subject: '就业困难人员就业', value: 3806, unit: '人', indicator: null },
      ],
    };
    const e = doc([task(1, { indicators: [ind(5000, '人'), ind(10600, '人')], progress })], {
      kind: 'progress',
    });
    // Actual lists the indicators in another order: index 0 there is expected index 1.
    const a = doc(
      [
        task(1, {
          indicators: [ind(10600, '人'), ind(5000, '人')],
          progress: {
            ...progress,
            statedPercent: 90,
            values: [
              { subject: 'x', value: 9539, unit: '人', indicator: 0 },
              { subject: 'y', value: 3806, unit: '人', indicator: null },
              { subject: 'z', value: 1, unit: '个', indicator: null },
            ],
          },
        }),
      ],
      { kind: 'progress' },
    );
    const s = scoreDocument(a, e);
    // status ok, percent wrong, 2 values ok, 1 extra value.
    expect(s.progress).toEqual({
      correct: 3,
      total: 5,
      accuracy: 0.6,
      textAgreement: { correct: 1, total: 1 },
    });
  });

  it('counts an index pointing at the wrong indicator as a miss', () => {
    const progress = {
      text: 't',
      status: '已完成',
      statedPercent: null,
      values: [{ subject: null, value: 5, unit: '个', indicator: 0 }],
    };
    const e = doc([task(1, { indicators: [ind(5, '个')], progress })], { kind: 'progress' });
    const a = doc(
      [
        task(1, {
          indicators: [ind(5, '个')],
          progress: { ...progress, values: [{ subject: null, value: 5, unit: '个', indicator: null }] },
        }),
      ],
      {
        kind: 'progress',
      },
    );
    expect(scoreDocument(a, e).progress?.correct).toBe(2);
  });

  it('reports warnings by code only', () => {
    const e = doc([task(1)], { warnings: [{ code: 'MISSING_UNITS', message: 'a', task: 1 }] });
    const a = doc([task(1)], { warnings: [{ code: 'NUMBERING_GAP', message: 'b', task: null }] });
    expect(scoreDocument(a, e).warnings).toEqual({
      missingCodes: ['MISSING_UNITS'],
      extraCodes: ['NUMBERING_GAP'],
    });
  });

  it('survives an empty actual document', () => {
    const e = doc([task(1, { indicators: [ind(1, '个')] })]);
    const s = scoreDocument(doc([]), e);
    expect(s.tasks.share).toBe(0);
    expect(s.indicators.recall).toBe(0);
    expect(s.indicators.f1).toBe(0);
    expect(verdict(s).pass).toBe(false);
  });
});

describe('combineScores', () => {
  it('micro-averages counts', () => {
    const e1 = doc([task(1), task(2)]);
    const e2 = doc([task(1, { indicators: [ind(1, '个')] })]);
    const c = combineScores([scoreDocument(doc([task(1)]), e1), scoreDocument(structuredClone(e2), e2)]);
    expect(c.tasks).toEqual({ expected: 3, found: 2, extra: 0, share: 2 / 3 });
    expect(c.indicators.f1).toBe(1);
    expect(c.progress).toBeNull();
  });
});
