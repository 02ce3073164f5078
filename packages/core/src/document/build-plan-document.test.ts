import { describe, expect, it } from 'vitest';
import type { PlanDocument, SourceDocument } from '../model';
import { buildPlanDocument } from './build-plan-document';
import { textToSource } from './text-to-source';

const importText = (text: string, hints = {}): PlanDocument => buildPlanDocument(textToSource(text), hints);
const codes = (doc: PlanDocument): string[] => [...new Set(doc.warnings.map((w) => w.code))].sort();

describe('buildPlanDocument: prose plans', () => {
  const plan = [
    '某某省人民政府关于２０２１年',
    '民生实事的安排意见',
    '',
    '某政发〔２０２１〕５号',
    '',
    '各市人民政府：',
    '２０２１年，省政府将重点抓好两个方面、３项民生实事任务，具体意见安排如下：',
    '一、就业创业方面（２项）',
    '（一）城镇新增就业５０万人。',
    '（二）打造１０个大学生创业园',
    '二、社会保障方面（１项）',
    '（三）改造各类棚户区１１.５万套。',
    '各地要切实加强组织领导。',
    '某某省人民政府',
    '２０２１年３月９日',
  ].join('\n');

  it('reads title, issuer, 文号, year, jurisdiction and declared counts', () => {
    const doc = importText(plan);
    expect(doc).toMatchObject({
      kind: 'plan',
      title: '某某省人民政府关于2021年民生实事的安排意见',
      issuer: '某某省人民政府',
      docNumber: '某政发〔2021〕5号',
      year: 2021,
      jurisdiction: '某某省',
      declared: { categories: 2, tasks: 3 },
    });
  });

  it('takes （一）… as tasks under 一、 categories', () => {
    const doc = importText(plan);
    expect(doc.categories).toEqual([
      { ordinal: 1, name: '就业创业', declaredTasks: 2 },
      { ordinal: 2, name: '社会保障', declaredTasks: 1 },
    ]);
    expect(doc.tasks.map((t) => [t.number, t.category, t.content])).toEqual([
      [1, '就业创业', '城镇新增就业50万人。'],
      [2, '就业创业', '打造10个大学生创业园'],
      [3, '社会保障', '改造各类棚户区11.5万套。'],
    ]);
    expect(codes(doc)).toEqual(['MISSING_UNITS']);
    expect(doc.warnings.find((w) => w.code === 'MISSING_UNITS')?.task).toBeNull();
  });

  it('warns when the counts disagree', () => {
    const doc = importText(plan.replace('３项民生实事', '４项民生实事').replace('（１项）', '（２项）'));
    expect(codes(doc)).toContain('DECLARED_TASKS_MISMATCH');
    expect(codes(doc)).toContain('CATEGORY_COUNT_MISMATCH');
  });

  it('reads "1、…；(单位)" items on a web page and ignores the chrome', () => {
    const page = [
      '首页 > 民生档案 > 正文',
      '',
      '2017年建设幸福新区行动计划',
      '',
      '稿件来源:市民生办',
      '',
      '  2017年新区突出抓好2大类、3件民生实事。',
      '  一、推进创业就业服务',
      '  1、就业困难人员实现就业60人;(人社局、各开发区)',
      '  2、提供无偿扶持资金300万元。(人社局、创业中心)',
      '  二、提升城市宜居水平',
      '  3、新增供热能力100蒸吨;(城建委)',
      '  民生工作涉及面广,是一项综合性的系统工程。',
      '责任编辑:某某',
      'Copyright © 2011 www.example.gov.cn   All Rights Reserved    吉ICP备05002096号-2',
    ].join('\n');
    const doc = importText(page);
    expect(doc.title).toBe('2017年建设幸福新区行动计划');
    expect(doc.issuer).toBeNull();
    expect(doc.declared).toEqual({ categories: 2, tasks: 3 });
    expect(doc.tasks.map((t) => [t.number, t.category, t.content, t.units])).toEqual([
      [
        1,
        '推进创业就业服务',
        '就业困难人员实现就业60人;',
        [
          { name: '人社局', role: 'lead' },
          { name: '各开发区', role: 'co' },
        ],
      ],
      [
        2,
        '推进创业就业服务',
        '提供无偿扶持资金300万元。',
        [
          { name: '人社局', role: 'lead' },
          { name: '创业中心', role: 'co' },
        ],
      ],
      [3, '提升城市宜居水平', '新增供热能力100蒸吨;', [{ name: '城建委', role: 'lead' }]],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('splits "(1)…(3)" items run together in one paragraph', () => {
    const text = [
      '某区2020年三件民生实事',
      '　　2020年，区政府集中财力办好3件民生实事：(1)新增城镇就业1.2万人(区人社局)；(2)新建镇(街道)养老服务中心2个(区民政局、各镇街)；(3)建设智慧书房8间(区文广局)。各责任单位要确保年内完成。',
    ].join('\n');
    const doc = importText(text);
    expect(doc.jurisdiction).toBe('某区');
    expect(doc.declared.tasks).toBe(3);
    expect(doc.tasks.map((t) => [t.number, t.content, t.units.map((u) => u.name)])).toEqual([
      [1, '新增城镇就业1.2万人', ['区人社局']],
      [2, '新建镇(街道)养老服务中心2个', ['区民政局', '各镇街']],
      [3, '建设智慧书房8间', ['区文广局']],
    ]);
  });

  it('reads a prose progress bulletin: title, content, progress, status, period', () => {
    const text = [
      '某市人民政府办公室',
      '关于2023年重点民生实事进展情况的通报',
      '　　2023年，市政府确定实施2件重点民生实事。截至6月底，各项工作总体进展顺利。',
      '　　一、关于城镇新增就业。全年新增城镇就业6万人。截至6月底，全市新增城镇就业3.52万人，完成年度目标任务的58.7%，正常推进。（责任单位：市人社局）',
      '　　二、关于城市书房建设。新建城市书房30个。截至6月底，30个城市书房已全部建成，已完成。（责任单位：市文广旅局、各县（市、区）政府）',
    ].join('\n');
    const doc = importText(text);
    expect(doc).toMatchObject({
      kind: 'progress',
      year: 2023,
      period: '2023-06',
      reportDate: '2023-06-30',
      jurisdiction: '某市',
    });
    expect(doc.tasks.map((t) => [t.title, t.content, t.progress?.status, t.progress?.text])).toEqual([
      [
        '城镇新增就业',
        '全年新增城镇就业6万人。',
        '正常推进',
        '截至6月底，全市新增城镇就业3.52万人，完成年度目标任务的58.7%，正常推进。',
      ],
      ['城市书房建设', '新建城市书房30个。', '已完成', '截至6月底，30个城市书房已全部建成，已完成。'],
    ]);
    expect(doc.tasks[1]?.units.map((u) => u.name)).toEqual(['市文广旅局', '各县（市、区）政府']);
  });

  it('takes the name before a colon as the title: "1. 名称：内容。（责任单位：…）"', () => {
    const text = [
      '（一）住房保障方面（2项）',
      '1. 老旧小区改造：改造老旧小区120个。（责任单位：市住建局）',
      '2. 棚户区改造：新开工安置房6000套。（责任单位：市住建局、各县区政府）',
    ].join('\n');
    const doc = importText(text, { year: 2022 });
    expect(doc.categories).toEqual([{ ordinal: 1, name: '住房保障', declaredTasks: 2 }]);
    expect(doc.tasks.map((t) => [t.title, t.content])).toEqual([
      ['老旧小区改造', '改造老旧小区120个。'],
      ['棚户区改造', '新开工安置房6000套。'],
    ]);
    expect(doc.year).toBe(2022);
  });
});

describe('buildPlanDocument: tables', () => {
  it('reads a progress table: 名称 title, units inherited, status words, repeated header, 填报时间', () => {
    const header = [
      '\t序号',
      '\t名  称',
      '\t内   容',
      '\t责任单位',
      '\t落实情况',
      '\t备注',
      '\t完成\n时限',
      '',
    ];
    const text = [
      '附件',
      '某县2020年3件民生实事落实情况表',
      '填报时间：2020年9月25日',
      ...header,
      '\t1',
      '\t安全出行',
      '\t完善交通设施。',
      '\t公安局',
      '\t已安装标牌333块。',
      '\t已完成',
      '\t11月底',
      '',
      '\t2',
      '\t饮水安全',
      '\t改善居民用水。',
      '\t',
      '\t预计10月中旬完工。',
      '\t正常\n推进',
      '\t10月底',
      '',
      ...header,
      '\t3',
      '\t特殊群体',
      '\t提高养老保险金。',
      '\t医保局\n人社局',
      '\t完成提标。',
      '\t推进缓慢',
      '\t12月底',
      '',
    ].join('\n');
    const doc = importText(text);
    expect(doc).toMatchObject({
      kind: 'progress',
      title: '某县2020年3件民生实事落实情况表',
      jurisdiction: '某县',
      year: 2020,
      reportDate: '2020-09-25',
      declared: { categories: null, tasks: 3 },
    });
    expect(
      doc.tasks.map((t) => [
        t.number,
        t.title,
        t.units.map((u) => u.name).join(','),
        t.deadline?.date,
        t.progress?.status,
      ]),
    ).toEqual([
      [1, '安全出行', '公安局', '2020-11-30', '已完成'],
      [2, '饮水安全', '公安局', '2020-10-31', '正常推进'],
      [3, '特殊群体', '医保局,人社局', '2020-12-31', '推进缓慢'],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('merges repeated vertical category labels and stops a category at its own count', () => {
    const row = (n: number, cat: string, deadline = '全年'): string[] => [
      `\t${n}`,
      `\t${cat}`,
      `\t第${n}项工作。`,
      `\t${deadline}`,
      '\t市民政局',
      '',
    ];
    const text = [
      '\t序号',
      '\t类别',
      '\t工作内容',
      '\t完成\n时限',
      '\t责任单位',
      '',
      ...row(1, '就\n业\n（2项）'),
      ...row(2, '', '一季\n度末'),
      ...row(3, '医\n疗\n（2项）\n \n医\n疗\n（2项）'),
      ...row(4, '医\n疗\n（2项）'),
      ...row(5, ''),
    ].join('\n');
    const doc = importText(text, { year: 2015 });
    expect(doc.categories).toEqual([
      { ordinal: 1, name: '就业', declaredTasks: 2 },
      { ordinal: 2, name: '医疗', declaredTasks: 2 },
    ]);
    expect(doc.tasks.map((t) => t.category)).toEqual(['就业', '就业', '医疗', '医疗', null]);
    expect(doc.tasks[1]?.deadline).toEqual({ text: '一季度末', date: '2015-03-31' });
    expect(codes(doc)).toEqual(['TASK_WITHOUT_CATEGORY']);
  });

  it('drops a last row cut off and keeps the complete rows', () => {
    const text = [
      '序号 | 内容 | 责任单位 | 完成时限',
      '1 | 新增就业1万人 | 市人社局 | 年底前',
      '2 | 新建学校2所 | 市教育局 | 9月',
      '3 | 改造道路',
    ].join('\n');
    const doc = importText(text, { year: 2020 });
    expect(doc.tasks.map((t) => t.number)).toEqual([1, 2]);
    expect(codes(doc)).toContain('TRUNCATED_TABLE');
  });

  it('warns about gaps, duplicates, missing units and deadlines it cannot date', () => {
    const text = [
      '序号 | 内容 | 责任单位 | 完成时限',
      '1 | 新增就业1万人 | 市人社局 | 秋季开学前',
      '3 | 新建学校2所 |  | 9月',
      '3 | 改造道路10公里 | 市交通局 | 年底前',
    ].join('\n');
    const doc = importText(text, { year: 2020 });
    expect(codes(doc)).toEqual(['DUPLICATE_NUMBER', 'NUMBERING_GAP', 'UNPARSED_DEADLINE']);
    expect(doc.tasks[1]?.units).toEqual([{ name: '市人社局', role: 'lead' }]);
  });

  it('reads an indicator table: target with its measure, 已完成数 as progress', () => {
    const text = [
      '某区2024年1—9月民生实事主要指标完成情况表',
      '填报时间：2024年10月8日',
      '序号  考核指标          单位      工作目标   已完成数   占年任务之比',
      '1     城镇新增就业      万人      1.8        1.52       84.4%',
      '2     发放创业担保贷款  亿元      3          2.56       85.3%',
    ].join('\n');
    const doc = importText(text);
    expect(doc).toMatchObject({ kind: 'progress', year: 2024, period: '2024-09', reportDate: '2024-10-08' });
    const [first, second] = doc.tasks;
    expect(first?.content).toBe('城镇新增就业1.8万人');
    expect(first?.indicators).toEqual([
      {
        subject: '城镇新增就业',
        value: 18000,
        unit: '人',
        comparator: '=',
        baseline: null,
        text: '城镇新增就业1.8万人',
      },
    ]);
    expect(first?.progress).toEqual({
      text: '1.52 84.4%',
      status: null,
      statedPercent: 84.4,
      values: [{ subject: '城镇新增就业', value: 15200, unit: '人', indicator: 0 }],
    });
    expect(second?.indicators[0]?.value).toBe(300000000);
  });

  it('reads a table model with merged cells (rowSpan, mergedFromAbove)', () => {
    const source: SourceDocument = {
      format: 'docx',
      blocks: [
        { kind: 'paragraph', text: '某市2015年民生实事责任分工表' },
        {
          kind: 'table',
          rows: [
            { cells: ['序号', '类别', '工作内容', '完成时限', '责任单位'].map((text) => ({ text })) },
            {
              cells: [
                { text: '1' },
                { text: '就业\n（2项）', rowSpan: 2 },
                { text: '新增就业1万人。' },
                { text: '11月' },
                { text: '市人社局', rowSpan: 2 },
              ],
            },
            { cells: [{ text: '2' }, { text: '培训3000人。' }, { text: '12月' }] },
            {
              cells: [
                { text: '3' },
                { text: '教育（1项）' },
                { text: '新建学校2所。' },
                { text: '', mergedFromAbove: true },
                { text: '市教育局' },
              ],
            },
          ],
        },
      ],
    };
    const doc = buildPlanDocument(source);
    expect(doc.title).toBe('某市2015年民生实事责任分工表');
    expect(doc.tasks.map((t) => [t.number, t.category, t.units[0]?.name, t.deadline?.date])).toEqual([
      [1, '就业', '市人社局', '2015-11-30'],
      [2, '就业', '市人社局', '2015-12-31'],
      [3, '教育', '市教育局', '2015-12-31'],
    ]);
  });
});

describe('buildPlanDocument: more layouts', () => {
  it('reads "1.【名称】…。（…前完成）" items with a 责任单位 line, and skips the 附件 list', () => {
    const text = [
      '某区2023年民生实事项目安排',
      '　　2023年，确定实施2项民生实事，具体如下：',
      '1.【老年助餐】新建社区老年食堂20个。（2023年10月底前完成）',
      '　　责任单位：区民政局、各街道办事处',
      '2.【托育服务】新增普惠性托位600个。（2023年12月底前完成）',
      '　　责任单位：区卫生健康委',
      '附件：1.某区2023年民生实事项目责任分解表',
      '　　　2.某区民生实事项目督查考核办法',
      '某市某区人民政府办公室',
      '2023年2月20日',
    ].join('\n');
    const doc = importText(text);
    expect(doc).toMatchObject({
      issuer: '某市某区人民政府办公室',
      jurisdiction: '某区',
      year: 2023,
      declared: { tasks: 2 },
    });
    expect(
      doc.tasks.map((t) => [t.number, t.title, t.content, t.units.map((u) => u.name), t.deadline]),
    ).toEqual([
      [
        1,
        '老年助餐',
        '新建社区老年食堂20个。',
        ['区民政局', '各街道办事处'],
        { text: '2023年10月底前', date: '2023-10-31' },
      ],
      [
        2,
        '托育服务',
        '新增普惠性托位600个。',
        ['区卫生健康委'],
        { text: '2023年12月底前', date: '2023-12-31' },
      ],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads "（一）名称（状态）" items with 年度目标 / 进展情况 / 责任单位 lines', () => {
    const text = [
      '某市民生实事工作领导小组办公室关于2025年为民办实事项目进展情况的通报',
      '　　截至9月底，全市2件为民实事项目中，正常推进1件，未启动1件。',
      '（一）城镇新增就业（正常推进）',
      '　　年度目标：城镇新增就业4.5万人。',
      '　　进展情况：截至9月底，全市城镇新增就业3.96万人，完成年度目标的88%。',
      '　　责任单位：市人社局、各县区人民政府',
      '（二）城市公共停车场（未启动）',
      '　　年度目标：新建公共停车场10个。',
      '　　进展情况：截至9月底，项目选址仍在论证。',
      '　　责任单位：市城市管理局',
    ].join('\n');
    const doc = importText(text);
    expect(doc).toMatchObject({
      kind: 'progress',
      period: '2025-09',
      reportDate: '2025-09-30',
      declared: { tasks: 2 },
    });
    expect(
      doc.tasks.map((t) => [t.title, t.content, t.progress?.status, t.progress?.text, t.units.length]),
    ).toEqual([
      [
        '城镇新增就业',
        '城镇新增就业4.5万人。',
        '正常推进',
        '截至9月底，全市城镇新增就业3.96万人，完成年度目标的88%。',
        2,
      ],
      ['城市公共停车场', '新建公共停车场10个。', '未启动', '截至9月底，项目选址仍在论证。', 1],
    ]);
  });

  it('takes the name of a bulletin item without 关于 as its title', () => {
    const doc = importText(
      '某某市2024年上半年民生实事进展情况\n一、城镇新增就业。全年新增城镇就业6万人。截至6月底，全市新增3.5万人，进展顺利。\n二、新建幼儿园10所。截至6月底，已开工8所，推进缓慢。',
    );
    expect(doc.period).toBe('2024H1');
    expect(doc.tasks.map((t) => [t.title, t.content, t.progress?.status])).toEqual([
      ['城镇新增就业', '全年新增城镇就业6万人。', '进展顺利'],
      [null, '新建幼儿园10所。', '推进缓慢'],
    ]);
  });

  it('reads bulletin items whose name, target and progress are paragraphs of their own', () => {
    const text = [
      '某某市2024年上半年民生实事进展情况',
      '一、关于城镇新增就业',
      '全年新增城镇就业6万人。',
      '截至6月底，全市新增城镇就业3.5万人，完成年度目标任务的58.3%，进展顺利。',
      '二、关于新建幼儿园',
      '新建幼儿园10所。',
      '截至6月底，已开工8所，推进缓慢。',
      '下一步，各单位要加快推进。',
    ].join('\n');
    const doc = importText(text);
    expect(doc.tasks.map((t) => [t.title, t.content, t.progress?.text, t.progress?.status])).toEqual([
      [
        '城镇新增就业',
        '全年新增城镇就业6万人。',
        '截至6月底，全市新增城镇就业3.5万人，完成年度目标任务的58.3%，进展顺利。',
        '进展顺利',
      ],
      ['新建幼儿园', '新建幼儿园10所。', '截至6月底，已开工8所，推进缓慢。', '推进缓慢'],
    ]);
  });

  it('takes the status from a bracket at the end of a bulletin item', () => {
    const doc = importText(
      '某县2022年民生实事进展情况\n1．新建幼儿园3所。截至6月底，2所主体完工。（正常推进）',
    );
    expect(doc.tasks[0]?.progress).toMatchObject({ status: '正常推进', text: '截至6月底，2所主体完工。' });
  });

  it('leaves out sections of a notice that are not tasks', () => {
    const text = [
      '一、总体要求',
      '以人民为中心，集中力量办好一批民生实事。',
      '二、主要任务',
      '（一）新铺设供水管网50公里。责任单位：县水利局',
      '（二）新建农村公路30公里。责任单位：县交通局',
      '三、保障措施',
      '（一）加强组织领导。各责任单位要成立专班。',
    ].join('\n');
    const doc = importText(text);
    expect(doc.categories).toEqual([]);
    expect(doc.tasks.map((t) => [t.content, t.units[0]?.name])).toEqual([
      ['新铺设供水管网50公里。', '县水利局'],
      ['新建农村公路30公里。', '县交通局'],
    ]);
  });

  it('takes the category of each table from the heading before it; 牵头单位 leads, 责任单位 co-operates', () => {
    const header = {
      cells: ['序号', '项目名称', '目标任务', '牵头单位', '责任单位', '完成时限'].map((text) => ({ text })),
    };
    const row = (cells: string[]): { cells: Array<{ text: string }> } => ({
      cells: cells.map((text) => ({ text })),
    });
    const source: SourceDocument = {
      format: 'docx',
      blocks: [
        { kind: 'paragraph', text: '某某省人民政府文件' },
        { kind: 'paragraph', text: '某某省人民政府关于做好2022年三件民生实事的通知' },
        { kind: 'paragraph', text: '一、教育事业（2件）' },
        {
          kind: 'table',
          rows: [
            header,
            row([
              '1',
              '幼儿园建设',
              '新建幼儿园200所。',
              '省教育厅',
              '省发展改革委、省财政厅',
              '2022年8月底',
            ]),
            row(['2', '课后服务', '覆盖率达到100%。', '省教育厅', '省财政厅', '2022年9月']),
          ],
        },
        { kind: 'paragraph', text: '二、医疗卫生（1件）' },
        {
          kind: 'table',
          rows: [
            header,
            row(['3', '两癌筛查', '筛查40万人。', '省卫生健康委', '', '2022年11月底']),
            row(['注：完成时限为最迟时间。', '', '', '', '', '']),
          ],
        },
      ],
    };
    const doc = buildPlanDocument(source);
    expect(doc.title).toBe('某某省人民政府关于做好2022年三件民生实事的通知');
    expect(doc.categories).toEqual([
      { ordinal: 1, name: '教育事业', declaredTasks: 2 },
      { ordinal: 2, name: '医疗卫生', declaredTasks: 1 },
    ]);
    expect(doc.tasks.map((t) => [t.category, t.units.map((u) => `${u.name}:${u.role}`).join(',')])).toEqual([
      ['教育事业', '省教育厅:lead,省发展改革委:co,省财政厅:co'],
      ['教育事业', '省教育厅:lead,省财政厅:co'],
      ['医疗卫生', '省卫生健康委:lead'],
    ]);
  });

  it('reads a progress sheet with a 完成率 column and a 填报单位', () => {
    const source: SourceDocument = {
      format: 'xlsx',
      blocks: [
        { kind: 'paragraph', text: '某市2021年民生实事项目1-9月推进情况表' },
        {
          kind: 'table',
          rows: [
            {
              cells: [
                { text: '填报单位：某市民生实事工作领导小组办公室', colSpan: 4 },
                { text: '填报时间：2021年10月12日', colSpan: 3 },
              ],
            },
            {
              cells: ['序号', '实事项目', '年度目标', '1-9月完成情况', '完成率', '责任单位', '备注'].map(
                (text) => ({ text }),
              ),
            },
            {
              cells: [
                '1',
                '城镇新增就业',
                '城镇新增就业10万人。',
                '新增城镇就业8.65万人。',
                '86.5%',
                '市人力社保局',
                '正常推进',
              ].map((text) => ({ text })),
            },
          ],
        },
      ],
    };
    const doc = buildPlanDocument(source);
    expect(doc).toMatchObject({
      kind: 'progress',
      issuer: '某市民生实事工作领导小组办公室',
      reportDate: '2021-10-12',
      period: '2021-09',
      year: 2021,
    });
    expect(doc.tasks[0]).toMatchObject({ title: '城镇新增就业', content: '城镇新增就业10万人。' });
    expect(doc.tasks[0]?.progress).toMatchObject({
      text: '新增城镇就业8.65万人。',
      status: '正常推进',
      statedPercent: 86.5,
    });
  });

  it('reads category lines between the rows of a tab-cell table and category lines without ordinals', () => {
    const table = [
      '某市2016年民生实事责任分解表',
      '\t序号',
      '\t工作任务',
      '\t责任单位',
      '\t完成时限',
      '',
      '\t一、就业创业（2项）',
      '',
      '\t1',
      '\t新增就业1万人。',
      '\t市人社局',
      '\t11月',
      '',
      '\t2',
      '\t培训3000人。',
      '\t',
      '\t12月底',
      '',
      '\t二、教育（1项）',
      '',
      '\t3',
      '\t新建学校2所。',
      '\t市教育局',
      '\t年底前',
    ].join('\n');
    const doc = importText(table);
    expect(doc.tasks.map((t) => [t.category, t.units[0]?.name, t.deadline?.text])).toEqual([
      ['就业创业', '市人社局', '11月'],
      ['就业创业', '市人社局', '12月底'],
      ['教育', '市教育局', '年底前'],
    ]);
    const prose = importText(
      '某县2023年民生实事\n就业创业（2项）\n1.新增城镇就业2000人。（县人社局）\n2.发放贷款3000万元。（县人社局）\n教育（1项）\n3.新建幼儿园1所。（县教体局）',
    );
    expect(prose.categories).toEqual([
      { ordinal: 1, name: '就业创业', declaredTasks: 2 },
      { ordinal: 2, name: '教育', declaredTasks: 1 },
    ]);
    expect(prose.tasks.map((t) => t.category)).toEqual(['就业创业', '就业创业', '教育']);
  });

  it('drops the last row of a tab-cell table cut off mid-row', () => {
    const text = [
      '\t序号',
      '\t工作内容',
      '\t完成时限',
      '\t责任单位',
      '',
      '\t1',
      '\t新增就业1万人。',
      '\t11月',
      '\t市人社局',
      '',
      '\t2',
      '\t',
      '\t新建学校',
    ].join('\n');
    const doc = importText(text, { year: 2015 });
    expect(doc.tasks.map((t) => t.number)).toEqual([1]);
    expect(codes(doc)).toContain('TRUNCATED_TABLE');
  });
});

describe('buildPlanDocument: robustness', () => {
  it('never throws and gives tasks: [] when there are none', () => {
    const odd: unknown[] = [
      { format: 'txt', blocks: [] },
      { format: 'txt', blocks: [{ kind: 'table', rows: [] }] },
      { format: 'txt', blocks: [{ kind: 'table', rows: [{ cells: [] }, { cells: [{ text: '序号' }] }] }] },
      { format: 'txt' },
      null,
    ];
    for (const source of odd) {
      const doc = buildPlanDocument(source as SourceDocument);
      expect(doc.tasks).toEqual([]);
    }
    expect(importText('只是一段话。').tasks).toEqual([]);
    expect(importText('（一）\n一、\n1、\n(1)(2)(3)').tasks).toBeInstanceOf(Array);
  });

  it('uses the hints only when the text lacks them', () => {
    const text =
      '35件民生实事三季度进展情况\n\t序号\n\t主要内容\n\t推进情况\n\n\t1\n\t新建幼儿园5所。\n\t已完工3所。\n';
    expect(importText(text)).toMatchObject({ year: null, jurisdiction: null, period: null });
    expect(importText(text, { year: 2017, jurisdiction: '四平市' })).toMatchObject({
      year: 2017,
      jurisdiction: '四平市',
      period: '2017Q3',
    });
  });

  it('reads an 80-task table in a few milliseconds', () => {
    const rows = Array.from(
      { length: 80 },
      (_, i) => `${i + 1} | 新建公共厕所${i + 5}座，改造道路${i + 1}公里。 | 市执法局、各县（市）区 | 10月底`,
    );
    const text = ['某市2015年80项民生实事', '序号 | 工作内容 | 责任单位 | 完成时限', ...rows].join('\n');
    importText(text);
    const start = Date.now();
    const doc = importText(text);
    expect(doc.tasks).toHaveLength(80);
    expect(Date.now() - start).toBeLessThan(200);
  });
});
