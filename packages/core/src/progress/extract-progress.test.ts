import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../indicators/extract-indicators';
import type { Indicator } from '../model';
import { checkStatedPercent, extractProgress, matchIndicator } from './extract-progress';

/** A task of seed 000 (a city's third-quarter table): its content and its 三季度推进情况. */
function task(content: string, progressText: string): { indicators: Indicator[]; progressText: string } {
  return { indicators: extractIndicators(content), progressText };
}

const T1 = task(
  '失业人员再就业1.06万人，城镇就业困难人员就业0.5万人。',
  '完成失业人员再就业9539人，占年计划90.5%；就业困难人员就业3806人，占年计划93%。',
);

describe('extractProgress on seed 000', () => {
  it('reads the figures, their indicators and the first stated percent', () => {
    const p = extractProgress(T1.progressText, T1.indicators, '正常推进');
    expect(p).toEqual({
      text: T1.progressText,
      status: '正常推进',
      statedPercent: 90.5,
      values: [
        { subject: '失业人员再就业', value: 9539, unit: '人', indicator: 0 },
        { subject: '就业困难人员就业', value: 3806, unit: '人', indicator: 1 },
      ],
    });
  });

  it.each<[string, string, number | null, Array<[number, string, number | null]>]>([
    [
      '发放创业担保贷款8700万元。',
      '累计发放创业担保贷款6077万元，占年计划69.85%。',
      69.85,
      [[60770000, '元', 0]],
    ],
    [
      '创建省级农村劳动力返乡创业基地2个，实现农村劳动力转移就业42万人。',
      '梨树县、伊通县、双辽市3个省级农村劳动返乡创业基地正在有序推进，已带动农村劳动力转移就业39.7万人,占年计划94.52%。',
      94.52,
      [
        [3, '个', 0],
        [397000, '人', 1],
      ],
    ],
    [
      '参保职工门诊慢病、特病病种范围由原来的15种提高到29种；支付标准由原来的每个病种1000元提高到1500元至5000元。',
      '职工门诊慢性病病种由原来的12种增加到19种、门诊特殊疾病病种由原来的3种增加到22种，职工门诊慢性病补贴标准由原来的1000元/年提高至5000元/年。',
      null,
      [
        [19, '种', 0],
        [22, '种', 0],
        [5000, '元/年', 1],
      ],
    ],
    ['新建城市公共wifi热点150个以上。', '完成新建公共热点126个，占年计划84%。', 84, [[126, '个', 0]]],
    [
      '继续实施食品药品放心工程，免费安装可追溯体系终端设备600台、油水分离器500套。',
      '免费安装可追溯终端设备632台，提前并超额完成任务；油水分离器在市区安装完成400套，外市（县）安装完成32套。',
      null,
      [
        [632, '台', 0],
        [400, '套', 1],
        [32, '套', 1],
      ],
    ],
    [
      '实施食品药品安全进万家工程，乡镇监管工作站达到全覆盖。',
      '全市80%的乡镇已完成建立监管工作站任务。',
      null,
      [[80, '%', null]],
    ],
    [
      '开展特种设备安全“五走进”和计量惠民生活动，免费检定衡器9000台。',
      '开展宣传活动19场，免费检定涉及环保计量器具45台件，检查市本级加油站29家，加油机58台，检定在用衡器6780台件，占年计划75.33%。',
      75.33,
      [
        [19, '场', null],
        [45, '台件', 0],
        [29, '家', null],
        [58, '台', null],
        [6780, '台件', 0],
      ],
    ],
    ['完成法律援助案件2000件。', '完成法律援助1225件，占年度计划61.3%。', 61.3, [[1225, '件', 0]]],
    [
      '为计划生育特殊（空巢）家庭老人选送1名医护志愿者，为49-59周岁计划生育特殊（空巢）家庭人员办理住院护工保险。',
      '已为1530户计生特殊家庭老人送去医务志愿者，占计生特殊家庭总数的61%；已为1462名49--59周岁计生特殊家庭办理护工保险，完成率达81.1%，10月末前将全面完成。',
      81.1,
      [
        [1530, '户', null],
        [61, '%', null],
        [1462, '名', null],
      ],
    ],
    [
      '推进北河污水管网建设，铺设污水管网10公里。',
      '建设工期为2017年4月至2021年5月，截止目前，南北河污水管线改造工程已完成总体工程的1.9%。',
      1.9,
      [],
    ],
    [
      '建设市政道路18条、12公里。',
      '已开工建设17条，6条市政道路已实现通车，剩余1条道路将于近期进场施工。',
      null,
      [
        [17, '条', 0],
        [6, '条', 0],
        [1, '条', 0],
      ],
    ],
    [
      '推进餐饮服务环节量化分级管理工作，完成25户B级店认证建设。',
      '完成328户B级店认证建设，9月下旬在网站上进行结果公示。',
      null,
      [[328, '户', 0]],
    ],
  ])('%s', (content, progressText, stated, values) => {
    const p = extractProgress(progressText, extractIndicators(content));
    expect(p.statedPercent).toBe(stated);
    expect(p.values.map((v) => [v.value, v.unit, v.indicator])).toEqual(values);
  });

  it('reads 完成年度目标任务的 and 占年任务之比 as stated percents', () => {
    expect(extractProgress('改造农村危房3.2万户，完成年度目标任务的66.7%。', []).statedPercent).toBe(66.7);
    expect(extractProgress('发放贷款5000万元，占年任务之比为57.5%。', []).statedPercent).toBe(57.5);
    expect(extractProgress('完成改厕8398户，已完成建设任务90%。', []).statedPercent).toBe(90);
  });

  it('reads a status-only text as no figures', () => {
    expect(extractProgress('此项工作已完成。', T1.indicators, '已完成')).toEqual({
      text: '此项工作已完成。',
      status: '已完成',
      statedPercent: null,
      values: [],
    });
  });

  it('stays fast on pathological text', () => {
    const started = Date.now();
    extractProgress(`${'1'.repeat(5000)}x`, T1.indicators);
    extractProgress(`${'1 '.repeat(5000)}x`, T1.indicators);
    extractProgress(`${'开工建设'.repeat(2000)}5个，占年计划50%`, T1.indicators);
    extractProgress(`${'完成5个占年计划'.repeat(2000)}50%`, T1.indicators);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const p = extractProgress(s, T1.indicators);
        checkStatedPercent(p, T1.indicators);
        return p.values.every((v) => v.indicator === null || (v.indicator >= 0 && v.indicator < 2));
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractProgress beyond seed 000', () => {
  it('links parts and remainders to what they count', () => {
    const indicators = extractIndicators('改造城镇老旧小区260个，惠及居民3.2万户。');
    const p = extractProgress('截至9月底，已完工182个，其余78个正在施工，完成年度目标的70%。', indicators);
    expect(p.statedPercent).toBe(70);
    expect(p.values.map((v) => [v.subject, v.value, v.indicator])).toEqual([
      ['完工', 182, 0],
      ['其余正在施工', 78, 0],
    ]);
  });

  it('links the part before a matched remainder: "70台为天然气车，剩余41台为新能源公交车"', () => {
    const indicators = extractIndicators('报废更新尾气排放不达标公交车111辆。');
    const p = extractProgress(
      '报废工作已完成，新车现已全部到位，70台为天然气车，剩余41台为新能源公交车。',
      indicators,
    );
    expect(p.values.map((v) => [v.value, v.unit, v.indicator])).toEqual([
      [70, '台', 0],
      [41, '台', 0],
    ]);
  });

  it('links a figure that names nothing to the only indicator of its kind', () => {
    const indicators = extractIndicators('为6万名适龄妇女免费开展“两癌”筛查。');
    const p = extractProgress('截至6月底，完成筛查4.1万人，完成年度目标任务的70%，正常推进。', indicators);
    expect(p.values).toEqual([{ subject: '筛查', value: 41000, unit: '人', indicator: 0 }]);
  });

  it('reads bare table cells in the column unit: "1.52 84.4%" against 1.8万人', () => {
    const indicators = extractIndicators('城镇新增就业1.8万人');
    expect(extractProgress('1.52 84.4%', indicators)).toEqual({
      text: '1.52 84.4%',
      status: null,
      statedPercent: 84.4,
      values: [{ subject: '城镇新增就业', value: 15200, unit: '人', indicator: 0 }],
    });
    const money = extractIndicators('发放创业担保贷款3亿元');
    expect(extractProgress('2.56 85.3%', money).values[0]?.value).toBe(256000000);
  });

  it('keeps rates beside the stated share as values', () => {
    const indicators = extractIndicators('城镇新增就业4.5万人，城镇调查失业率控制在5.5%以内。');
    const p = extractProgress(
      '截至9月底，全市城镇新增就业3.96万人，完成年度目标的88%，城镇调查失业率为5.2%。',
      indicators,
    );
    expect(p.statedPercent).toBe(88);
    expect(p.values.map((v) => [v.value, v.unit, v.indicator])).toEqual([
      [39600, '人', 0],
      [5.2, '%', 1],
    ]);
    expect(checkStatedPercent(p, indicators)).toBeNull();
  });
});

describe('extractProgress: closer calls', () => {
  it('tells two screenings apart by what they screen', () => {
    const indicators = extractIndicators('为全省城乡适龄妇女免费开展宫颈癌筛查50万人、乳腺癌筛查30万人。');
    const p = extractProgress('宫颈癌筛查完成41.2万人，乳腺癌筛查完成25.6万人。', indicators);
    expect(p.values.map((v) => [v.value, v.indicator])).toEqual([
      [412000, 0],
      [256000, 1],
    ]);
  });

  it('reads "分别完成年度任务的77.2%和78%" as two stated shares', () => {
    const indicators = extractIndicators('发放创业担保贷款50亿元，扶持创业5万人。');
    const p = extractProgress(
      '累计发放创业担保贷款38.6亿元，扶持创业3.9万人，分别完成年度任务的77.2%和78%。',
      indicators,
    );
    expect(p.statedPercent).toBe(77.2);
    expect(p.values.map((v) => [v.value, v.unit, v.indicator])).toEqual([
      [3860000000, '元', 0],
      [39000, '人', 1],
    ]);
    expect(checkStatedPercent(p, indicators)).toBeNull();
  });
});

describe('checkStatedPercent', () => {
  it('accepts a share that agrees with any figure before it', () => {
    const indicators = extractIndicators('新建、改扩建公办幼儿园40所，新增学位1.2万个。');
    const p = extractProgress(
      '已建成公办幼儿园18所，新增学位4800个，完成年度目标任务的45%，推进缓慢。',
      indicators,
    );
    expect(checkStatedPercent(p, indicators)).toBeNull();
  });

  it('checks a share from a 完成率 column against every figure', () => {
    const indicators = extractIndicators('改造提升农贸市场60家。');
    const p = { ...extractProgress('完成改造28家，在建20家。', indicators), statedPercent: 50 };
    expect(checkStatedPercent(p, indicators)).toEqual({ stated: 50, computed: 46.7 });
  });

  it('flags a completion share in words (seed 004 #9: 11 of 11 示范村, stated 90%)', () => {
    const indicators = extractIndicators('打造11个农村人居环境综合整治示范村，改厕5000户，助力乡村振兴。');
    const p = extractProgress(
      '全县11个农村人居环境示范村实施项目累计投资2565万元。排水管网1.3万米，已完成建设任务90%。全县完成改厕8398户，投资3356万元。',
      indicators,
    );
    expect(p.statedPercent).toBe(90);
    expect(checkStatedPercent(p, indicators)).toEqual({ stated: 90, computed: 100 });
  });

  it('flags 9539 ÷ 10600 = 90.0% against a stated 90.5%', () => {
    const p = extractProgress(T1.progressText, T1.indicators);
    expect(checkStatedPercent(p, T1.indicators)).toEqual({ stated: 90.5, computed: 90 });
  });

  it('pairs each stated share with the figure before it', () => {
    // 9539 agrees this time; 3806 ÷ 5000 = 76.1% does not agree with 93%.
    const text = '完成失业人员再就业9539人，占年计划90%；就业困难人员就业3806人，占年计划93%。';
    const p = extractProgress(text, T1.indicators);
    expect(checkStatedPercent(p, T1.indicators)).toEqual({ stated: 93, computed: 76.1 });
  });

  it.each([
    ['发放创业担保贷款8700万元。', '累计发放创业担保贷款6077万元，占年计划69.85%。'],
    ['发放灵活就业社会保险补贴3500万元。', '发放社会保险补贴1667万元，占年计划47.6%。'],
    [
      '创建省级农村劳动力返乡创业基地2个，实现农村劳动力转移就业42万人。',
      '已带动农村劳动力转移就业39.7万人,占年计划94.52%。',
    ],
    ['新建城市公共wifi热点150个以上。', '完成新建公共热点126个，占年计划84%。'],
    [
      '免费检定衡器9000台。',
      '免费检定涉及环保计量器具45台件，检查市本级加油站29家，检定在用衡器6780台件，占年计划75.33%。',
    ],
    ['完成法律援助案件2000件。', '完成法律援助1225件，占年度计划61.3%。'],
  ])('agrees with %s', (content, progressText) => {
    const indicators = extractIndicators(content);
    expect(checkStatedPercent(extractProgress(progressText, indicators), indicators)).toBeNull();
  });

  it('has nothing to compare without a stated share or a matched figure', () => {
    const indicators = extractIndicators('加快微型消防站建设，实现全覆盖。');
    const p = extractProgress('微型消防站建成811家，完成率71.83%。', indicators);
    expect(checkStatedPercent(p, indicators)).toBeNull();
  });

  it('uses the match the office corrected', () => {
    const p = extractProgress(T1.progressText, T1.indicators);
    const corrected = { ...p, values: p.values.map((v) => ({ ...v, indicator: null })) };
    expect(checkStatedPercent(corrected, T1.indicators)).toBeNull();
  });
});

describe('matchIndicator', () => {
  const indicators = T1.indicators;
  it('prefers the closest subject among same-unit indicators', () => {
    expect(matchIndicator({ subject: '就业困难人员就业', value: 3806, unit: '人' }, indicators)).toBe(1);
    expect(matchIndicator({ subject: '失业人员再就业', value: 9539, unit: '名' }, indicators)).toBe(0);
  });
  it('matches nothing across kinds of unit', () => {
    expect(matchIndicator({ subject: '失业人员再就业', value: 9539, unit: '元' }, indicators)).toBeNull();
  });
});

describe('values that lead with a state or a count', () => {
  const match = (target: string, report: string): Array<[number, number | null]> =>
    extractProgress(report, extractIndicators(target)).values.map((v) => [v.value, v.indicator]);

  it('"正在推进3家" counts what the task counts in 家', () => {
    expect(
      match('新建社区日间照料中心8家，安装智能监护设备2000户', '已完工日间照料中心5家，正在推进3家'),
    ).toEqual([
      [5, 0],
      [3, 0],
    ]);
  });

  it('"7所学校已完工" is the task\'s 所 indicator although the words differ', () => {
    expect(match('新建中小学、幼儿园7所，新增学位8400个', '7所学校已完工并投入使用，新增学位8400个')).toEqual(
      [
        [7, 0],
        [8400, 1],
      ],
    );
  });

  it('"共享泊位" keeps its 共 and finds the 共享 indicator', () => {
    expect(
      match('新增公共停车泊位6000个，错时共享停车泊位不少于2000个', '新增公共停车泊位4200个，共享泊位1800个'),
    ).toEqual([
      [4200, 0],
      [1800, 1],
    ]);
  });
});

describe('a short or verb-only figure subject', () => {
  it('links "到位" and a short form of the subject to the task indicator of the same unit', () => {
    const buses = extractIndicators('更新新能源公交车300辆');
    expect(extractProgress('已到位120辆', buses).values[0]?.indicator).toBe(0);
    const toilets = extractIndicators('完成农村户厕改造3万户');
    expect(extractProgress('完成改厕1.2万户', toilets).values[0]?.indicator).toBe(0);
  });
});
