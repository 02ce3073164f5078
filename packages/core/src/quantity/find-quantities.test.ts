import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuantityMatch } from './find-quantities';
import { findQuantities } from './find-quantities';
import { matchCountedNoun, matchUnit, unitKind } from './units';

type Shape = Pick<QuantityMatch, 'value' | 'unit' | 'comparator'> &
  Partial<Pick<QuantityMatch, 'valueMax' | 'baseline' | 'isBaseline' | 'text'>>;

describe('findQuantities on phrases from the seeds', () => {
  it.each<[string, Shape[]]>([
    ['城镇新增就业５０万人', [{ value: 500000, unit: '人', comparator: '=', text: '５０万人' }]],
    ['失业人员再就业1.06万人', [{ value: 10600, unit: '人', comparator: '=' }]],
    ['发放创业担保贷款8700万元', [{ value: 87000000, unit: '元', comparator: '=' }]],
    ['发放小额担保贷款1.2亿元', [{ value: 120000000, unit: '元', comparator: '=' }]],
    ['改造各类棚户区１１.５万套', [{ value: 115000, unit: '套', comparator: '=' }]],
    ['修建人行步道8.9万平方米', [{ value: 89000, unit: '平方米', comparator: '=' }]],
    ['为6300余名流入人口建立健康档案', [{ value: 6300, unit: '名', comparator: '>=' }]],
    ['积极解决1800多名小学生放学后的托管问题', [{ value: 1800, unit: '名', comparator: '>=' }]],
    ['开发就业岗位不少于6500个', [{ value: 6500, unit: '个', comparator: '>=' }]],
    ['全年安置不低于4000人', [{ value: 4000, unit: '人', comparator: '>=' }]],
    ['新建城市公共wifi热点150个以上', [{ value: 150, unit: '个', comparator: '>=' }]],
    ['新能源客车比例不低于２５％', [{ value: 25, unit: '%', comparator: '>=' }]],
    ['城市低保标准不低于上年度人均可支配收入的２０％', [{ value: 20, unit: '%', comparator: '>=' }]],
    ['援助率１００％', [{ value: 100, unit: '%', comparator: '=' }]],
    ['报销比例提高3个百分点', [{ value: 3, unit: '个百分点', comparator: '=' }]],
    ['各开发区至少要确定三分之一以上的行政村', [{ value: (1 / 3) * 100, unit: '%', comparator: '>=' }]],
    ['解决5.5万农村居民饮水安全问题', [{ value: 55000, unit: '农村居民', comparator: '=' }]],
    ['实现２０万农村贫困人口脱贫', [{ value: 200000, unit: '农村贫困人口', comparator: '=' }]],
    ['对２万人（次）残疾人进行技能培训', [{ value: 20000, unit: '人次', comparator: '=' }]],
    ['新增秸秆综合利用能力１２０万吨／年', [{ value: 1200000, unit: '吨／年', comparator: '=' }]],
    ['城市家庭宽带接入能力提升到１００兆／秒', [{ value: 100, unit: '兆／秒', comparator: '=' }]],
    ['实现３３４９７眼机井通电', [{ value: 33497, unit: '眼', comparator: '=' }]],
    ['每人每月平价供应20市斤米', [{ value: 20, unit: '市斤', comparator: '=' }]],
    ['新增供热能力100蒸吨', [{ value: 100, unit: '蒸吨', comparator: '=' }]],
    ['开展“柴、米、油、盐”监督抽检1200批次', [{ value: 1200, unit: '批次', comparator: '=' }]],
    ['安装路灯380盏', [{ value: 380, unit: '盏', comparator: '=' }]],
    ['送戏下乡演出五十场', [{ value: 50, unit: '场', comparator: '=' }]],
    ['新建三所学校', [{ value: 3, unit: '所', comparator: '=' }]],
    [
      '支付标准由原来的每个病种1000元提高到1500元至5000元',
      [
        { value: 1000, unit: '元', comparator: '=', isBaseline: true },
        { value: 1500, valueMax: 5000, unit: '元', comparator: 'range', baseline: 1000 },
      ],
    ],
    [
      '参保职工门诊慢病、特病病种范围由原来的15种提高到29种',
      [
        { value: 15, unit: '种', comparator: '=', isBaseline: true },
        { value: 29, unit: '种', comparator: '=', baseline: 15 },
      ],
    ],
    [
      '职工门诊慢性病补贴标准由原来的1000元/年提高至5000元/年',
      [
        { value: 1000, unit: '元/年', comparator: '=', isBaseline: true },
        { value: 5000, unit: '元/年', comparator: '=', baseline: 1000 },
      ],
    ],
    [
      '最高支付限额从6.5万元提高到9万元',
      [
        { value: 65000, unit: '元', comparator: '=', isBaseline: true },
        { value: 90000, unit: '元', comparator: '=', baseline: 65000 },
      ],
    ],
    ['减免80％—100％供热费', [{ value: 80, valueMax: 100, unit: '%', comparator: 'range' }]],
    ['为49-59周岁计划生育特殊家庭人员', [{ value: 49, valueMax: 59, unit: '周岁', comparator: 'range' }]],
    [
      '已为1462名49--59周岁计生特殊家庭',
      [
        { value: 1462, unit: '名', comparator: '=' },
        { value: 49, valueMax: 59, unit: '周岁', comparator: 'range' },
      ],
    ],
    ['淘汰１０蒸吨及以下燃煤锅炉', [{ value: 10, unit: '蒸吨', comparator: '<=' }]],
    ['医疗费用控制在5000元以内', [{ value: 5000, unit: '元', comparator: '<=' }]],
    [
      '新增移动４Ｇ基站５０００个',
      [
        { value: 4, unit: null, comparator: '=' },
        { value: 5000, unit: '个', comparator: '=' },
      ],
    ],
    ['举办第十七届松花江之夏', [{ value: 17, unit: '届', comparator: '=' }]],
    ['每户补助3至5万元', [{ value: 30000, valueMax: 50000, unit: '元', comparator: 'range' }]],
    ['逾20万人受益', [{ value: 200000, unit: '人', comparator: '>=' }]],
    ['新增城镇就业20余万人', [{ value: 200000, unit: '人', comparator: '>=' }]],
    ['发放贷款2000多万元', [{ value: 20000000, unit: '元', comparator: '>=' }]],
    ['补贴标准为200元/平方米', [{ value: 200, unit: '元/平方米', comparator: '=' }]],
    ['新增绿地5万㎡', [{ value: 50000, unit: '㎡', comparator: '=' }]],
    ['百分之九十五的行政村', [{ value: 95, unit: '%', comparator: '=' }]],
  ])('%s', (text, expected) => {
    const found = findQuantities(text);
    expect(found).toHaveLength(expected.length);
    expected.forEach((shape, i) => {
      const { value, ...rest } = shape;
      expect(found[i]?.value).toBeCloseTo(value, 9);
      expect(found[i]).toMatchObject(rest);
    });
  });

  it('leaves out Chinese numerals that name things: 十有, 三中全会, 一帮一', () => {
    expect(findQuantities('实现“十有”目标；十八届三中、四中全会；一帮一')).toEqual([
      expect.objectContaining({ value: 18, unit: '届' }),
    ]);
  });

  it('gives spans into the text as given', () => {
    const text = '城镇新增就业５０万人；实现农村劳动力转移就业４００万人';
    for (const q of findQuantities(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('flags 第 ordinals', () => {
    expect(findQuantities('第十四届朝鲜族民俗文化节')[0]?.ordinal).toBe(true);
  });
});

describe('units', () => {
  it('matches the longest measure word', () => {
    expect(matchUnit('8.9万平方米', 4)?.unit).toBe('平方米');
    expect(matchUnit('65万人次', 3)?.unit).toBe('人次');
    expect(matchUnit('45台件', 2)?.unit).toBe('台件');
  });
  it('does not take the first character of a word for a measure word', () => {
    expect(matchUnit('联合5部门', 3)).toBeNull();
    expect(matchUnit('5项目', 1)).toBeNull();
  });
  it('finds the noun a scaled number counts', () => {
    expect(matchCountedNoun('5.5万农村居民饮水安全问题', 4)).toBe('农村居民');
    expect(matchCountedNoun('5.8万困难职工解困脱困', 4)).toBe('困难职工');
    expect(matchCountedNoun('5万加强建设', 2)).toBeNull();
  });
  it('tells unit kinds', () => {
    expect(unitKind('名')).toBe('person');
    expect(unitKind('元/年')).toBe('money');
    expect(unitKind('%')).toBe('percent');
    expect(unitKind('农村居民')).toBe('noun');
    expect(unitKind(null)).toBeNull();
  });
});

describe('findQuantities properties', () => {
  const unit = fc.constantFrom('个', '人', '元', '套', '公里', '平方米', '%', '台', '所');

  it('reads any integer with any unit back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 - 1 }), unit, (n, u) => {
        const [q] = findQuantities(`新建${n}${u}。`);
        return q !== undefined && q.value === n && q.unit === u;
      }),
    );
  });

  it('reads decimals with 万 exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 8 }), (k) => {
        const [q] = findQuantities(`城镇新增就业${k / 100}万人`);
        return q !== undefined && q.value === k * 100 && q.unit === '人';
      }),
    );
  });

  it('keeps ranges ordered low ≤ high', () => {
    const sep = fc.constantFrom('至', '—', '-', '到', '~');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        sep,
        (a, b, s) => {
          const [q] = findQuantities(`补贴${a}元${s}${b}元`);
          return (
            q !== undefined &&
            q.comparator === 'range' &&
            q.value === Math.min(a, b) &&
            q.valueMax === Math.max(a, b)
          );
        },
      ),
    );
  });

  it('never throws and keeps spans inside the text', () => {
    const piece = fc.constantFrom(
      '五',
      '十',
      '万',
      '亿',
      '1',
      '.',
      '０',
      '%',
      '个',
      '以上',
      '至',
      '-',
      '由',
      '提高到',
      '分之',
      '余',
      '多',
      '（',
      '次',
      '）',
      '第',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (s) =>
        findQuantities(s).every(
          (q) =>
            q.start >= 0 &&
            q.end <= s.length &&
            q.start < q.end &&
            s.slice(q.start, q.end) === q.text &&
            !Number.isNaN(q.value) &&
            (q.valueMax === null || q.value <= q.valueMax),
        ),
      ),
      { numRuns: 1000 },
    );
  });
});

describe('compound units with a slash', () => {
  it('keeps the whole rate as the unit', () => {
    const units = (s: string): Array<[number, string | null]> =>
      findQuantities(s).map((q) => [q.value, q.unit]);
    expect(units('充电服务费不超过0.8元/千瓦时')).toEqual([[0.8, '元/千瓦时']]);
    expect(units('护理补贴300元/人·月')).toEqual([[300, '元/人·月']]);
    expect(units('日处理能力500吨/日')).toEqual([[500, '吨/日']]);
    expect(units('新建道路5公里/年')).toEqual([[5, '公里/年']]);
  });
});
