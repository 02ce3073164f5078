import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../model';
import { buildPlanDocument } from './build-plan-document';
import { readTable } from './table-tasks';
import { textToSource } from './text-to-source';
import { isUnitBracketLine, readUnitBracket } from './unit-brackets';

const importText = (text: string): PlanDocument => buildPlanDocument(textToSource(text));
const unitPairs = (doc: PlanDocument, i: number): string[][] =>
  (doc.tasks[i]?.units ?? []).map((u) => [u.name, u.role]);

describe('unit brackets', () => {
  it('reads labelled units and a deadline from one bracket', () => {
    expect(readUnitBracket('责任单位：区文旅局、区财政局；完成时限：2022年9月底')).toEqual({
      units: [
        { name: '区文旅局', role: 'lead' },
        { name: '区财政局', role: 'co' },
      ],
      deadlineText: '2022年9月底',
    });
    expect(readUnitBracket('牵头：区水务局；配合：各街道办事处')?.units).toEqual([
      { name: '区水务局', role: 'lead' },
      { name: '各街道办事处', role: 'co' },
    ]);
    expect(readUnitBracket('含一老一小')).toBeNull();
    expect(readUnitBracket('责任领导：张三；责任单位：区民政局')?.units).toEqual([
      { name: '区民政局', role: 'lead' },
    ]);
  });

  it('tells a line that only holds such a bracket', () => {
    expect(isUnitBracketLine('（责任单位：区卫健局，配合单位：各镇（街道））')).toBe(true);
    expect(isUnitBracketLine('（完成时限：2022年10月）')).toBe(true);
    expect(isUnitBracketLine('（含城中村）')).toBe(false);
    expect(isUnitBracketLine('（区城管局、区交警大队）')).toBe(true);
  });

  it('splits 【】 and 牵头/配合 brackets off numbered items, and ends the last item at its bracket', () => {
    const doc = importText(
      [
        '某区人民政府关于2022年实施五件民生实事的通知',
        '一、新建社区食堂12个。【区民政局】',
        '二、改造雨污管网30公里。（牵头：区水务局；配合：各街道办事处）',
        '三、新增停车位600个。（责任单位：区城管局、区交警大队；完成时限：2022年11月）',
        '',
        '以上实事由区政府督查室统一督办。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.content)).toEqual([
      '新建社区食堂12个。',
      '改造雨污管网30公里。',
      '新增停车位600个。',
    ]);
    expect(unitPairs(doc, 0)).toEqual([['区民政局', 'lead']]);
    expect(unitPairs(doc, 1)).toEqual([
      ['区水务局', 'lead'],
      ['各街道办事处', 'co'],
    ]);
    expect(doc.tasks[2]?.deadline).toEqual({ text: '2022年11月', date: '2022-11-30' });
  });

  it('gives unit and deadline lines under the last item to that item', () => {
    const doc = importText(
      [
        '某旗2021年民生实事',
        '1．新建嘎查卫生室10个。',
        '（责任单位：旗卫健委）',
        '2．硬化村路20公里。',
        '（责任单位：旗交通局，配合单位：各苏木乡镇）',
        '（完成时限：2021年10月底）',
      ].join('\n'),
    );
    expect(doc.tasks).toHaveLength(2);
    expect(unitPairs(doc, 1)).toEqual([
      ['旗交通局', 'lead'],
      ['各苏木乡镇', 'co'],
    ]);
    expect(doc.tasks[1]?.deadline?.text).toBe('2021年10月底');
  });
});

describe('document structure', () => {
  it('keeps attachment names out of the tasks and the plan chapters out of the categories', () => {
    const doc = importText(
      [
        '某市人民政府办公室关于印发某市2024年民生实事方案的通知',
        '附件：1．某市2024年民生实事责任分工表',
        '　　　2．某市2024年民生实事考核办法',
        '某市人民政府办公室',
        '某市2024年民生实事方案',
        '一、总体要求',
        '坚持以人民为中心，全年安排3项民生实事。',
        '二、项目安排',
        '1．新建口袋公园15个。（责任单位：市园林局）',
        '2．改造老旧小区40个。（责任单位：市住建局）',
        '3．新增托位500个。（责任单位：市卫健委）',
        '三、保障措施',
        '（一）加强领导。各单位要明确专人负责。',
        '（二）强化考核。纳入年度绩效考评。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.content)).toEqual([
      '新建口袋公园15个。',
      '改造老旧小区40个。',
      '新增托位500个。',
    ]);
    expect(doc.categories).toEqual([]);
    expect(doc.tasks.every((t) => t.category === null)).toBe(true);
  });

  it('reads 目标 / 进展 run on in one paragraph, and skips 存在问题 / 下一步工作', () => {
    const doc = importText(
      [
        '关于2023年上半年民生实事进展情况的报告',
        '一、进展情况',
        '（一）社区食堂。目标：新建社区食堂20个。进展：截至6月30日，已建成12个，完成率60%。（责任单位：市民政局）',
        '（二）城市绿道。目标：新建绿道50公里。进展：截至6月30日，建成绿道20公里，完成率40%。（责任单位：市园林局）',
        '二、存在问题',
        '（一）资金到位慢。部分项目资金尚未拨付。',
        '三、下一步工作',
        '（一）加快进度。确保年底前完成。',
      ].join('\n'),
    );
    expect(doc.kind).toBe('progress');
    expect(doc.tasks).toHaveLength(2);
    expect(doc.categories).toEqual([]);
    const t = doc.tasks[0];
    expect(t?.title).toBe('社区食堂');
    expect(t?.content).toBe('新建社区食堂20个。');
    expect(t?.progress?.text).toBe('截至6月30日，已建成12个，完成率60%。');
    expect(t?.progress?.statedPercent).toBe(60);
    expect(unitPairs(doc, 0)).toEqual([['市民政局', 'lead']]);
  });
});

describe('labelled item lines', () => {
  it('reads 年度任务 / 工作进展 lines under a heading with its status, and skips a 工作建议 item', () => {
    const doc = importText(
      [
        '某区2024年民生实事1-6月推进情况',
        '一、口袋公园（正常推进）',
        '年度任务：新建口袋公园10个。',
        '工作进展：已建成6个，占年计划60%。',
        '责任单位：区城管局',
        '二、工作建议',
        '建议加快资金拨付。',
      ].join('\n'),
    );
    expect(doc.tasks).toHaveLength(1);
    expect(doc.tasks[0]).toMatchObject({ title: '口袋公园', content: '新建口袋公园10个。' });
    expect(doc.tasks[0]?.progress).toMatchObject({
      text: '已建成6个，占年计划60%。',
      status: '正常推进',
      statedPercent: 60,
    });
  });

  it('reads an unlabelled deadline beside the units in one bracket', () => {
    const doc = importText(
      [
        '某区2023年为民办实事',
        '1.新建驿站5个（区总工会，2023年10月底前完成）',
        '2.新建球场3个（区体育局）',
      ].join('\n'),
    );
    expect(doc.tasks[0]?.content).toBe('新建驿站5个');
    expect(doc.tasks[0]?.units.map((u) => u.name)).toEqual(['区总工会']);
    expect(doc.tasks[0]?.deadline?.date).toBe('2023-10-31');
  });
});

describe('the end of the list', () => {
  it('does not let the last item swallow a closing paragraph before a later section', () => {
    const doc = importText(
      [
        '某县2022年民生实事',
        '一、教育（2件）',
        '1.新建幼儿园3所。（县教育局）',
        '2.新增学位900个。（责任单位：县教育局；完成时限：2022年9月）',
        '各乡镇、县直各单位要高度重视，确保按期完成。',
        '二、工作要求',
        '（一）加强领导。各单位要明确专人负责。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.content)).toEqual(['新建幼儿园3所。', '新增学位900个。']);
    expect(doc.tasks[1]?.deadline?.text).toBe('2022年9月');
    expect(doc.categories.map((c) => c.name)).toEqual(['教育']);
  });
});

describe('table headers', () => {
  it('takes a table with only a share-of-plan column as a progress report', () => {
    const doc = importText(
      [
        '序号\t项目名称\t年度目标\t完成进度\t责任单位',
        '1\t绿道\t新建绿道50公里\t60%\t市园林局',
        '2\t食堂\t新建食堂10个\t20%\t市民政局',
      ].join('\n'),
    );
    expect(doc.kind).toBe('progress');
    expect(doc.tasks.map((t) => t.progress?.statedPercent)).toEqual([60, 20]);
  });

  it('reads a grouped header row and a 进度 column of percentages as the stated percent', () => {
    const cell = (text: string, extra: Record<string, unknown> = {}) => ({ text, ...extra });
    const table = readTable(
      [
        {
          cells: [
            cell('序号'),
            cell('项目名称'),
            cell('年度目标'),
            cell('完成情况', { colSpan: 2 }),
            cell('责任单位'),
          ],
        },
        {
          cells: [
            cell('', { mergedFromAbove: true }),
            cell('', { mergedFromAbove: true }),
            cell('', { mergedFromAbove: true }),
            cell('累计完成'),
            cell('完成比例'),
            cell('', { mergedFromAbove: true }),
          ],
        },
        {
          cells: [
            cell('1'),
            cell('绿道'),
            cell('新建绿道50公里'),
            cell('建成40公里'),
            cell('80%'),
            cell('市园林局'),
          ],
        },
        {
          cells: [
            cell('2'),
            cell('食堂'),
            cell('新建食堂10个'),
            cell('建成5个'),
            cell('50%'),
            cell('市民政局'),
          ],
        },
      ],
      false,
    );
    expect(table.drafts.map((d) => [d.progressText, d.percent])).toEqual([
      ['建成40公里', '80%'],
      ['建成5个', '50%'],
    ]);
    const tab = textToSource(
      [
        '序号\t项目名称\t年度目标\t1-6月进展\t进度\t状态',
        '1\t绿道\t新建绿道50公里\t建成30公里\t60%\t序时推进',
        '2\t食堂\t新建食堂10个\t建成2个\t20%\t滞后',
      ].join('\n'),
    );
    const doc = buildPlanDocument(tab);
    expect(doc.tasks.map((t) => [t.progress?.text, t.progress?.statedPercent, t.progress?.status])).toEqual([
      ['建成30公里', 60, '序时推进'],
      ['建成2个', 20, '滞后'],
    ]);
  });
});

describe('document fields', () => {
  it('reads an issuer named at the head of a report title, and no place from "关于全市"', () => {
    const a = importText(
      [
        '某某地区行政公署2023年为民办实事进展情况通报',
        '1.新建公园2个。截至9月底，已建成1个。（地区住建局）',
      ].join('\n'),
    );
    expect(a.issuer).toBe('某某地区行政公署');
    expect(a.jurisdiction).toBe('某某地区');
    const b = importText(
      ['关于全市2021年民生实事推进情况的通报', '1.新建公园2个。截至9月底，已建成1个。（市住建局）'].join(
        '\n',
      ),
    );
    expect(b.jurisdiction).toBeNull();
  });
});

describe('chapters over categories over tasks', () => {
  const doc = (opening: string): PlanDocument =>
    importText(
      [
        '某区2024年民生实事方案',
        '一、总体要求',
        opening,
        '二、项目安排',
        '（一）养老服务（2项）',
        '1.新建社区食堂6个。（责任单位：区民政局）',
        '2.改造适老化住房300户。（责任单位：区民政局）',
        '（二）城市更新（1项）',
        '1.改造背街小巷12条。（责任单位：区住建局）',
        '三、保障措施',
        '（一）加强组织领导。成立工作专班。',
        '（二）强化督查考核。按月通报。',
      ].join('\n'),
    );

  it('finds the tasks under the categories, with or without declared counts, numbered as printed', () => {
    for (const d of [doc('全年实施2个方面3项民生实事。'), doc('坚持以人民为中心。')]) {
      expect(d.categories.map((c) => c.name)).toEqual(['养老服务', '城市更新']);
      // Numbering that restarts per category stays as printed ("序号 as printed"), and is flagged.
      expect(d.tasks.map((t) => [t.number, t.category, t.content])).toEqual([
        [1, '养老服务', '新建社区食堂6个。'],
        [2, '养老服务', '改造适老化住房300户。'],
        [1, '城市更新', '改造背街小巷12条。'],
      ]);
      expect(d.warnings.filter((w) => w.code === 'DUPLICATE_NUMBER').map((w) => w.task)).toEqual([1]);
    }
  });
});

describe('percent columns', () => {
  it('reads a column headed "进度（%）" as the stated percent', () => {
    const doc = importText(
      [
        '序号\t项目名称\t年度目标\t进展情况\t进度（%）\t责任单位',
        '1\t公园\t新建公园5个\t已建成3个\t60\t市园林局',
        '2\t学校\t新建学校4所\t已建成1所\t25\t市教育局',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.progress?.text, t.progress?.statedPercent])).toEqual([
      ['已建成3个', 60],
      ['已建成1所', 25],
    ]);
  });
});

describe('item names and labelled ends', () => {
  it('takes a short first sentence as the name, and labelled units and deadline at the end', () => {
    const doc = importText(
      [
        '某县2023年民生实事',
        '一、路灯照明。新装路灯500盏。责任单位：县城管局。完成时限：2023年10月底。',
        '二、户厕改造。改造农村户厕3000户。责任单位：县农业农村局、各乡镇。完成时限：年底。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.title, t.content, t.deadline?.text])).toEqual([
      ['路灯照明', '新装路灯500盏。', '2023年10月底'],
      ['户厕改造', '改造农村户厕3000户。', '年底'],
    ]);
    expect(doc.tasks[1]?.units.map((u) => [u.name, u.role])).toEqual([
      ['县农业农村局', 'lead'],
      ['各乡镇', 'co'],
    ]);
  });
});

describe('CSV rows', () => {
  it('reads a quoted field that runs over two lines', () => {
    const src = textToSource(
      [
        '序号,项目名称,建设内容,责任单位,完成时限',
        '1,公园,"新建公园5个，',
        '改造公园3个",市园林局,10月',
        '2,学校,新建学校4所,"市教育局、市住建局",8月底',
      ].join('\n'),
    );
    const table = src.blocks.find((b) => b.kind === 'table');
    expect(table?.rows?.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '项目名称', '建设内容', '责任单位', '完成时限'],
      ['1', '公园', '新建公园5个，\n改造公园3个', '市园林局', '10月'],
      ['2', '学校', '新建学校4所', '市教育局、市住建局', '8月底'],
    ]);
  });
});

describe('Markdown tables', () => {
  it('drops emphasis and reads <br> as a line break inside pipe cells', () => {
    const doc = importText(
      [
        '## 某区2024年民生实事',
        '| 序号 | 项目名称 | 目标任务 | 责任单位 |',
        '|:---:|---|---|---|',
        '| **一、养老（1项）** | | | |',
        '| 1 | **助餐点** | 新建助餐点8个 | 区民政局<br>各街道 |',
      ].join('\n'),
    );
    expect(doc.title).toBe('某区2024年民生实事');
    expect(doc.categories.map((c) => [c.name, c.declaredTasks])).toEqual([['养老', 1]]);
    expect(doc.tasks[0]?.title).toBe('助餐点');
    expect(doc.tasks[0]?.units.map((u) => u.name)).toEqual(['区民政局', '各街道']);
  });
});

describe('titles of government pages', () => {
  it('takes the 标题 of a page metadata block, never a signature', () => {
    const doc = importText(
      [
        '索 引 号：000014349/2023-00012',
        '发布机构：某市人民政府办公室',
        '标　　题：某市人民政府办公室关于印发2023年民生实事项目的通知',
        '发文字号：某政办发〔2023〕5号',
        '1.新建口袋公园20个。（市园林局）',
        '2.新增托位1000个。（市卫健委）',
        '某市人民政府办公室',
        '2023年2月15日',
      ].join('\n'),
    );
    expect(doc.title).toBe('某市人民政府办公室关于印发2023年民生实事项目的通知');
    const unsigned = importText(
      ['1.新建口袋公园20个。（市园林局）', '某区人民政府', '2023年2月15日'].join('\n'),
    );
    expect(unsigned.title).toBeNull();
  });
});

describe('a summing-up paragraph', () => {
  it('ends the list even after an item that has no closing punctuation', () => {
    const doc = importText(
      [
        '某区2022年民生实事',
        '一、新建口袋公园10个',
        '二、改造老旧小区20个',
        '以上实事由区政府督查室督办。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.content)).toEqual(['新建口袋公园10个', '改造老旧小区20个']);
  });
});

describe('status columns', () => {
  it('keep a 状态 cell as printed, and a 备注 cell only when it is a status word', () => {
    const doc = importText(
      [
        '序号\t项目名称\t年度目标\t进展情况\t进展状态\t备注',
        '1\t公园\t新建公园5个\t已建成5个\t已交付使用\t',
        '2\t学校\t新建学校4所\t已建成1所\t正常推进\t资金已到位',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.progress?.status)).toEqual(['已交付使用', '正常推进']);
  });
});

describe('category lines without an ordinal', () => {
  it('reads "X方面" and "X类" lines over numbered items as categories', () => {
    const doc = importText(
      [
        '某县2022年民生实事',
        '就业创业方面',
        '1.新增城镇就业2000人。（县人社局）',
        '2.发放创业担保贷款3000万元。（县人社局）',
        '教育卫生类',
        '3.新建幼儿园2所。（县教育局）',
      ].join('\n'),
    );
    expect(doc.categories.map((c) => c.name)).toEqual(['就业创业', '教育卫生类']);
    expect(doc.tasks.map((t) => t.category)).toEqual(['就业创业', '就业创业', '教育卫生类']);
  });
});

describe('units and deadline labels at the end of an item', () => {
  it('reads "责任单位：A，完成时限：B" as units and deadline', () => {
    const doc = importText(
      [
        '某县2022年民生实事',
        '1.新装路灯1000盏，责任单位：县城管局，完成时限：年底。',
        '2.新建公厕20座。（县城管局）',
      ].join('\n'),
    );
    expect(doc.tasks[0]).toMatchObject({
      content: '新装路灯1000盏',
      deadline: { text: '年底', date: '2022-12-31' },
    });
    expect(doc.tasks[0]?.units.map((u) => u.name)).toEqual(['县城管局']);
  });
});

describe('schedule columns', () => {
  it('do not make a plan table a progress report', () => {
    const doc = importText(
      [
        '序号\t项目名称\t建设内容\t责任单位\t进度安排',
        '1\t公园\t新建公园5个\t市园林局\t6月底前开工，10月底前完工',
        '2\t学校\t新建学校4所\t市教育局\t8月底前完工',
      ].join('\n'),
    );
    expect(doc.kind).toBe('plan');
    expect(doc.tasks.every((t) => t.progress === null)).toBe(true);
  });
});

describe('people columns', () => {
  it('a 责任人 column beside a units column names no units', () => {
    const doc = importText(
      [
        '序号\t项目名称\t建设内容\t牵头单位\t责任人',
        '1\t公园\t新建公园5个\t市园林局\t张三',
        '2\t学校\t新建学校4所\t市教育局\t李四',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.units.map((u) => u.name))).toEqual([['市园林局'], ['市教育局']]);
  });
});

describe('tab rows with a blank first cell', () => {
  it('keep the blank cell so the category above carries on', () => {
    const doc = importText(
      [
        '类别\t项目名称\t建设内容\t责任单位',
        '就业\t培训\t培训1万人次\t市人社局',
        '\t零工市场\t建设零工市场5个\t市人社局',
        '教育\t学位\t新增学位3000个\t市教育局',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.category, t.title])).toEqual([
      ['就业', '培训'],
      ['就业', '零工市场'],
      ['教育', '学位'],
    ]);
  });
});

describe('tab rows copied from a spreadsheet', () => {
  it('keep empty cells in the middle and at the end', () => {
    const doc = importText(
      [
        '序号\t项目名称\t建设内容\t责任单位\t完成时限',
        '1\t公园\t新建公园5个\t\t10月',
        '2\t学校\t新建学校4所\t市教育局\t8月底',
        '3\t医院\t新建医院1所\t市卫健委\t',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.units.map((u) => u.name).join('、'), t.deadline?.text ?? null])).toEqual([
      ['', '10月'],
      ['市教育局', '8月底'],
      ['市卫健委', null],
    ]);
  });
});

describe('a form with an empty progress column', () => {
  it('is a plan', () => {
    const doc = importText(
      [
        '序号\t项目名称\t建设内容\t责任单位\t推进情况',
        '1\t公园\t新建公园5个\t市园林局\t',
        '2\t学校\t新建学校4所\t市教育局\t',
      ].join('\n'),
    );
    expect(doc.kind).toBe('plan');
    expect(doc.tasks).toHaveLength(2);
  });
});

describe('site section names', () => {
  it('are no title', () => {
    const doc = importText(
      [
        '政府信息公开',
        '通知公告',
        '某市人民政府关于2023年民生实事的通知',
        '1.新建公园5个。（市园林局）',
      ].join('\n'),
    );
    expect(doc.title).toBe('某市人民政府关于2023年民生实事的通知');
    const repeated = importText(
      ['某市人民政府', '某市人民政府关于2023年民生实事的通知', '1.新建公园5个。（市园林局）'].join('\n'),
    );
    expect(repeated.title).toBe('某市人民政府关于2023年民生实事的通知');
  });
});

describe('targets named only by their item', () => {
  it('link the progress figures through the item name', () => {
    const doc = importText(
      [
        '某市2022年民生实事第三季度进展情况',
        '1.城镇新增就业：年度目标3万人，截至9月底，已新增城镇就业2.6万人，完成年度目标的86.7%。',
        '2.口袋公园：年度目标20个，截至9月底，已建成15个。',
      ].join('\n'),
    );
    expect(doc.tasks[0]?.progress?.values.map((v) => [v.value, v.indicator])).toEqual([[26000, 0]]);
  });
});

describe('a status word closing a labelled progress', () => {
  it('is the status', () => {
    const doc = importText(
      [
        '关于2023年上半年民生实事进展情况的报告',
        '（一）社区食堂。目标：新建社区食堂20个。进展：截至6月30日，已建成12个，完成率60%，正常推进。（责任单位：市民政局）',
        '（二）城市绿道。目标：新建绿道50公里。进展：截至6月30日，建成绿道20公里，完成率40%。（责任单位：市园林局）',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.progress?.status)).toEqual(['正常推进', null]);
  });
});

describe('a closing section named on a line of its own', () => {
  it('ends the tasks; its numbered points are none', () => {
    const doc = importText(
      [
        '某县2022年民生实事',
        '1.新建公园5个。（县住建局）',
        '2.新建学校4所。（县教育局）',
        '工作要求',
        '1.各单位要高度重视。',
        '2.县督查室要加强督查。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.content)).toEqual(['新建公园5个。', '新建学校4所。']);
    expect(doc.warnings).toEqual([]);
  });

  it('but a 目标任务 chapter holds the tasks', () => {
    const doc = importText(
      [
        '某县2022年民生实事',
        '一、总体要求',
        '坚持以人民为中心。',
        '二、目标任务',
        '1.新建公园5个。（县住建局）',
        '2.新建学校4所。（县教育局）',
        '三、保障措施',
        '（一）加强领导。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.category, t.content])).toEqual([
      [null, '新建公园5个。'],
      [null, '新建学校4所。'],
    ]);
  });
});

describe('a list under a heading read as framing', () => {
  it('is still read when nothing else holds tasks', () => {
    const doc = importText(
      [
        '某县2022年民生实事',
        '一、总体要求',
        '坚持以人民为中心。',
        '二、工作目标',
        '1.新建公园5个。（县住建局）',
        '2.新建学校4所。（县教育局）',
        '三、保障措施',
        '（一）加强领导。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.category, t.content])).toEqual([
      [null, '新建公园5个。'],
      [null, '新建学校4所。'],
    ]);
    expect(doc.categories).toEqual([]);
  });
});

describe('the report date of a bulletin', () => {
  it('is the 截至 date every item reports to', () => {
    const doc = importText(
      [
        '2023年民生实事进展情况',
        '1.口袋公园。年度目标20个。截至9月底，已建成15个。（市园林局）',
        '2.社区食堂。年度目标10个。截至9月底，已建成6个。（市民政局）',
      ].join('\n'),
    );
    expect(doc.kind).toBe('progress');
    expect(doc.reportDate).toBe('2023-09-30');
  });
});

describe('genre4 mechanisms', () => {
  it('reads a one-cell-per-line table whose status column is headed "完成状态"', () => {
    const doc = importText(
      [
        '某县2022年民生实事三季度推进情况',
        '',
        '序号',
        '项目名称',
        '年度目标',
        '推进情况',
        '完成状态',
        '牵头单位',
        '1',
        '道路改造',
        '改造道路10公里',
        '已改造道路8公里',
        '正常推进',
        '县交通局',
        '2',
        '幼儿园建设',
        '新建幼儿园2所',
        '已建成幼儿园2所',
        '已完成',
        '县教育局',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.progress?.status])).toEqual([
      [1, '道路改造', '正常推进'],
      [2, '幼儿园建设', '已完成'],
    ]);
  });

  it('takes the status from a "进展评价：" label in prose', () => {
    const doc = importText(
      [
        '某市2018年上半年民生实事进展情况通报',
        '(1)道路改造。年度目标：改造道路10公里。进展情况：已改造道路4公里。进展评价：进度滞后。牵头单位：市交通局。',
        '(2)幼儿园建设。年度目标：新建幼儿园2所。进展情况：已建成幼儿园1所。进展评价：正常推进。牵头单位：市教育局。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.progress?.status)).toEqual(['进度滞后', '正常推进']);
    expect(doc.tasks[0]?.units).toEqual([{ name: '市交通局', role: 'lead' }]);
  });

  it('reads a deadline written inside the item sentence and keeps it in the content', () => {
    const doc = importText(
      [
        '某市2019年民生实事',
        '1、新建农村公路300公里，年底前完成。',
        '2、新建改造供热管网80公里，供暖季前完成。',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.deadline)).toEqual([
      { text: '年底前', date: '2019-12-31' },
      { text: '供暖季前', date: null },
    ]);
    expect(doc.tasks[0]?.content).toBe('新建农村公路300公里，年底前完成。');
    expect(doc.warnings.filter((w) => w.code === 'UNPARSED_DEADLINE').map((w) => w.task)).toEqual([2]);
  });
});

describe('units columns per role', () => {
  it('a blank 牵头 cell inherits only the lead when the row has its own 配合 cell', () => {
    const doc = importText(
      [
        '某区2021年民生实事',
        '序号 | 实事内容 | 牵头单位 | 配合单位 | 完成时限',
        '1 | 新建幼儿园2所 | 区教育局 | 区发改局、区自然资源局 | 年底前',
        '2 | 改造校舍10所 |  | 区财政局 | 10月底前',
        '3 | 新建公园1个 | 区住建局 | 区财政局 | 年底前',
      ].join('\n'),
    );
    expect(doc.tasks[1]?.units).toEqual([
      { name: '区教育局', role: 'lead' },
      { name: '区财政局', role: 'co' },
    ]);
  });
});

describe('one cell per line with longer header words', () => {
  it('reads "计划完成时间" as a header word and column', () => {
    const doc = importText(
      [
        '某县2023年民生实事',
        '序号',
        '项目名称',
        '建设内容',
        '责任单位',
        '计划完成时间',
        '1',
        '道路改造',
        '改造道路10公里',
        '县交通局',
        '2023年10月底',
        '2',
        '公园建设',
        '新建公园2个',
        '县住建局',
        '2023年12月底',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.deadline?.date])).toEqual([
      [1, '道路改造', '2023-10-31'],
      [2, '公园建设', '2023-12-31'],
    ]);
  });
});

describe('items numbered "第一项 …"', () => {
  it('reads 第N项 / 第N件 items with a labelled units line below each', () => {
    const doc = importText(
      [
        '某县人民政府关于2021年民生实事项目的通知',
        '第一项　新建公园3个，年底前完成。',
        '　　责任单位：县住建局；配合单位：县财政局、各乡镇',
        '第2项 改造道路10公里。',
        '　　责任单位：县交通局',
        '第三件　新增学位800个。',
        '　　责任单位：县教育局',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.number, t.content])).toEqual([
      [1, '新建公园3个，年底前完成。'],
      [2, '改造道路10公里。'],
      [3, '新增学位800个。'],
    ]);
    expect(unitPairs(doc, 0)).toEqual([
      ['县住建局', 'lead'],
      ['县财政局', 'co'],
      ['各乡镇', 'co'],
    ]);
    expect(unitPairs(doc, 1)).toEqual([['县交通局', 'lead']]);
  });
});

describe('one cell per line with category lines between rows', () => {
  it('reads a category line as the category of the rows below, not as a cell', () => {
    const doc = importText(
      [
        '某县2023年民生实事项目',
        '序号',
        '项目',
        '目标任务',
        '责任单位',
        '完成时限',
        '一、教育（1项）',
        '1',
        '学校建设',
        '新建小学2所',
        '县教育局',
        '8月底',
        '二、交通（2项）',
        '2',
        '道路改造',
        '改造道路10公里',
        '县交通局',
        '10月底',
        '3',
        '公交线路',
        '新开公交线路3条',
        '县交通局',
        '12月底',
      ].join('\n'),
    );
    expect(doc.categories.map((c) => c.name)).toEqual(['教育', '交通']);
    expect(doc.tasks.map((t) => [t.number, t.category, t.title, t.content])).toEqual([
      [1, '教育', '学校建设', '新建小学2所'],
      [2, '交通', '道路改造', '改造道路10公里'],
      [3, '交通', '公交线路', '新开公交线路3条'],
    ]);
  });
});
