import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../model';
import { textToSource } from './text-to-source';

const tables = (blocks: SourceBlock[]): string[][][] =>
  blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((r) => r.cells.map((c) => c.text))] : []));
const paragraphs = (blocks: SourceBlock[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('textToSource', () => {
  it('reads a table flattened one tab-indented cell per line', () => {
    const text = [
      '35件民生实事三季度进展情况',
      '\t序号',
      '\t主要内容',
      '\t责任部门',
      '\t三季度推进情况',
      '',
      '\t1',
      '\t发放创业担保贷款8700万元。',
      '\t市人社局',
      '\t累计发放6077万元。',
      '',
      '\t2',
      '\t免费安装终端设备600台。',
      '\t市食药',
      '监局',
      '\t安装632台。',
      ' \t3',
      '\t新建幼儿园5所。',
      '\t',
      '\t3所年底完工。',
      '',
      '\t',
      '4',
      '',
      '\t新增停车泊位1000个。',
      '\t市公安局',
      '\t已完成。',
    ].join('\n');
    const source = textToSource(text);
    expect(paragraphs(source.blocks)).toEqual(['35件民生实事三季度进展情况']);
    const [table] = tables(source.blocks);
    expect(table).toHaveLength(5);
    expect(table?.[0]).toEqual(['序号', '主要内容', '责任部门', '三季度推进情况']);
    expect(table?.[2]).toEqual(['2', '免费安装终端设备600台。', '市食药\n监局', '安装632台。']);
    expect(table?.[3]).toEqual(['3', '新建幼儿园5所。', '', '3所年底完工。']);
    expect(table?.[4]?.[0]?.trim()).toBe('4');
    expect(table?.[4]?.[1]).toBe('新增停车泊位1000个。');
  });

  it('puts back a blank cell a row lost in the flattening', () => {
    const row = (n: number, cat: string): string[] => [
      `\t${n}`,
      `\t${cat}`,
      `\t第${n}项工作内容较长一些的描述。`,
      '\t全年',
      '\t市民政局',
      '',
    ];
    const text = [
      '\t序号',
      '\t类别',
      '\t工作内容',
      '\t完成时限',
      '\t责任单位',
      '',
      ...row(1, '就\n业'),
      ...row(2, ''),
      '\t3',
      ' \t第3项工作内容较长一些的描述。',
      '\t年底前',
      '\t市人社局',
      '',
      ...row(4, ''),
    ].join('\n');
    const [table] = tables(textToSource(text).blocks);
    expect(table?.[3]).toEqual(['3', '', '第3项工作内容较长一些的描述。', '年底前', '市人社局']);
    expect(table?.[4]?.[0]).toBe('4');
  });

  it('reads rows with cells separated by " | " and skips a markdown rule', () => {
    const text = [
      '| 序号 | 项目名称 | 内容 | 责任单位 |',
      '|---|---|---|---|',
      '| 1 | 就业 | 新增就业1万人 | 市人社局 |',
      '| 2 | 教育 | 新建学校2所 | 市教育局 |',
    ].join('\n');
    const [table] = tables(textToSource(text).blocks);
    expect(table).toEqual([
      ['序号', '项目名称', '内容', '责任单位'],
      ['1', '就业', '新增就业1万人', '市人社局'],
      ['2', '教育', '新建学校2所', '市教育局'],
    ]);
  });

  it('reads tab-separated rows with category lines inside', () => {
    const text = [
      '序号\t项目\t目标任务\t牵头单位',
      '一、就业（２件）',
      '１\t就业\t新增就业５万人。\t市人社局',
      '２\t培训\t培训３０００人。\t市人社局',
    ].join('\n');
    const [table] = tables(textToSource(text).blocks);
    expect(table?.[1]).toEqual(['一、就业（２件）']);
    expect(table?.[2]).toEqual(['１', '就业', '新增就业５万人。', '市人社局']);
  });

  it('reads a table flattened one cell per line without indentation', () => {
    const text = [
      '序号',
      '项目名称',
      '建设内容',
      '责任单位',
      '完成时限',
      '1',
      '托育服务',
      '新增托位300个。',
      '区卫健局',
      '年底前',
      '2',
      '养老服务',
      '新建养老服务中心2个。',
      '区民政局',
      '9月底',
    ].join('\n');
    const [table] = tables(textToSource(text).blocks);
    expect(table).toHaveLength(3);
    expect(table?.[2]).toEqual(['2', '养老服务', '新建养老服务中心2个。', '区民政局', '9月底']);
  });

  it('joins a cell wrapped onto the next line in a table without indentation', () => {
    const text = [
      '序号',
      '项目名称',
      '建设内容',
      '责任单位',
      '完成时限',
      '1',
      '托育服务',
      '新增托位300个，',
      '建设托育中心2个。',
      '区卫健局',
      '年底前',
      '2',
      '养老服务',
      '新建养老服务中心2个。',
      '区民政局',
      '9月底',
      '3',
      '助餐服务',
      '新建老年食堂10个。',
      '区民政局',
      '10月底',
    ].join('\n');
    const [table] = tables(textToSource(text).blocks);
    expect(table?.[1]).toEqual(['1', '托育服务', '新增托位300个，\n建设托育中心2个。', '区卫健局', '年底前']);
    expect(table).toHaveLength(4);
  });

  it('reads columns aligned with spaces under a header', () => {
    const text = [
      '序号  考核指标          单位    工作目标   已完成数   占年任务之比',
      '1     城镇新增就业      万人    1.8        1.52       84.4%',
      '2     新改建农村公路    公里    120        96.5       80.4%',
      '',
      '注：累计数。',
    ].join('\n');
    const source = textToSource(text);
    const [table] = tables(source.blocks);
    expect(table?.[1]).toEqual(['1', '城镇新增就业', '万人', '1.8', '1.52', '84.4%']);
    expect(paragraphs(source.blocks)).toEqual(['注：累计数。']);
  });

  it('keeps everything else as paragraphs and never throws', () => {
    expect(paragraphs(textToSource('一、就业\n（一）新增就业5万人。\n\n').blocks)).toEqual([
      '一、就业',
      '（一）新增就业5万人。',
    ]);
    expect(textToSource('').blocks).toEqual([]);
    expect(() => textToSource('\t\t\n\t|\n | | \n\t序号\n\t内容\n\t1')).not.toThrow();
  });
});
