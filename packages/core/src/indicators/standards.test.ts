import { describe, expect, it } from 'vitest';
import { extractIndicators } from './extract-indicators';

const read = (text: string): Array<[string | null, string, number, string | null]> =>
  extractIndicators(text).map((i) => [i.subject, i.comparator, i.value, i.unit]);

describe('standards in symbols and rates', () => {
  it('reads ℃, °C, 分贝, ‰ and 吨/日', () => {
    expect(read('冬季室内温度不低于20℃。')).toEqual([['冬季室内温度', '>=', 20, '℃']]);
    expect(read('夜间噪声控制在45分贝以内')).toEqual([['夜间噪声', '<=', 45, '分贝']]);
    expect(read('孕产妇死亡率控制在1‰以内')).toEqual([['孕产妇死亡率', '<=', 1, '‰']]);
    expect(read('新增污水处理能力2万吨/日')).toEqual([['新增污水处理能力', '=', 20000, '吨/日']]);
  });
});

describe('progress subjects', () => {
  it('drop the period a report opens with', async () => {
    const { extractProgress } = await import('../progress/extract-progress');
    const p = extractProgress(
      '1-9月新增城镇就业1.2万人，占年计划80%。',
      extractIndicators('新增城镇就业1.5万人'),
    );
    expect(p.values.map((v) => [v.subject, v.value, v.indicator])).toEqual([['新增城镇就业', 12000, 0]]);
    expect(p.statedPercent).toBe(80);
  });
});

describe('stated percentages', () => {
  it('read "为年度目标的60%" as the stated share', async () => {
    const { extractProgress } = await import('../progress/extract-progress');
    const p = extractProgress('建成12个，为年度目标的60%。', extractIndicators('新建口袋公园20个'));
    expect(p.statedPercent).toBe(60);
    expect(p.values).toHaveLength(1);
  });
});
