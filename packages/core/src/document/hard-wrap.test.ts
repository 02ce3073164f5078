import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from './build-plan-document';
import { unwrapLines, wrapWidth } from './hard-wrap';
import { textToSource } from './text-to-source';

const wrapped = [
  '某市人民政府关于2022年实施八件民生实事的通',
  '知',
  '某府发〔2022〕3号',
  '各县（区）人民政府，市政府各部门：',
  '　　市人民政府决定，2022年集中力量办好八件民',
  '生实事，现通知如下：',
  '　　1.新建、改扩建城区公办幼儿园12所，新增学位3',
  '600个。（责任单位：市教育局）',
  '－ 2 －',
  '　　2.城乡居民基本医疗保险财政补助标准由每人',
  '每年550元提高到580元。（责任单位：市医疗保障',
  '局、市财政局）',
  '第3页',
  '　　3.改造老旧小区60个。（责任单位：市住建局）',
];

describe('hard-wrapped text', () => {
  it('joins wrapped lines, drops page markers and keeps 文号 and items on their own lines', () => {
    expect(wrapWidth(wrapped)).not.toBeNull();
    const lines = unwrapLines(wrapped);
    expect(lines[0]).toBe('某市人民政府关于2022年实施八件民生实事的通知');
    expect(lines[1]).toBe('某府发〔2022〕3号');
    expect(lines).not.toContain('－ 2 －');
    expect(lines.some((l) => l.includes('新增学位3600个。'))).toBe(true);
  });

  it('reads the items of a hard-wrapped plan whole', () => {
    const doc = buildPlanDocument(textToSource(wrapped.join('\n')));
    expect(doc.title).toBe('某市人民政府关于2022年实施八件民生实事的通知');
    expect(doc.docNumber).toBe('某府发〔2022〕3号');
    expect(doc.tasks.map((t) => [t.title, t.content])).toEqual([
      [null, '新建、改扩建城区公办幼儿园12所，新增学位3600个。'],
      [null, '城乡居民基本医疗保险财政补助标准由每人每年550元提高到580元。'],
      [null, '改造老旧小区60个。'],
    ]);
    expect(doc.tasks[1]?.units.map((u) => u.name)).toEqual(['市医疗保障局', '市财政局']);
  });

  it('never joins a labelled units line onto the line above', () => {
    const lines = [
      '1.新建口袋公园20个，提升城区绿化水平',
      '责任单位：县住建局',
      '2.新增公办幼儿园学位1500个，缓解入园难',
      '责任单位：县教育局',
      '3.改造农村公路危桥15座，保障群众出行安',
      '全',
      '责任单位：县交通运输局',
      '4.为全县65岁以上老年人免费体检2万人次',
      '责任单位：县卫健局',
    ];
    expect(unwrapLines(lines)).toEqual([
      lines[0],
      lines[1],
      lines[2],
      lines[3],
      '3.改造农村公路危桥15座，保障群众出行安全',
      lines[6],
      lines[7],
      lines[8],
    ]);
  });

  it('leaves text that is not hard-wrapped alone', () => {
    const plain = [
      '标题',
      '',
      '一、就业',
      '1.新增就业1000人。',
      '2.培训2000人次。',
      '二、教育',
      '3.新建学校2所。',
    ];
    expect(unwrapLines(plain)).toEqual(plain);
  });
});
