import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '@minsheng/core';
import { readDocx } from '../readers/docx-reader';
import { readXlsx } from '../readers/xlsx-reader';
import {
  buildImplementationTable,
  buildProgressTable,
  buildResponsibilityTable,
  exportTableDocx,
  exportTableXlsx,
  mergeRuns,
  type ExportPlan,
} from './index';

const plan: ExportPlan = {
  title: '平罗县2020年民生实事',
  year: 2020,
  jurisdiction: '平罗县',
  tasks: [
    {
      number: 1,
      category: '就业增收',
      title: '方便群众安全出行',
      content: '新增摊位1500个，新增创业就业岗位3000人。',
      units: [
        { name: '市执法局', role: 'lead' },
        { name: '各城区', role: 'co' },
      ],
      deadlineText: '一季度末',
      progress: { text: '已新增摊位1200个，占年计划80%。', status: '正常推进' },
    },
    {
      number: 2,
      category: '就业增收',
      title: '保障居民饮水安全',
      content: '城镇新增就业9万人。',
      units: [{ name: '市人社局', role: 'lead' }],
      deadlineText: '11月',
      progress: { text: '城镇新增就业8.1万人。', status: '正常推进' },
    },
    {
      number: 3,
      category: '安居工程',
      title: '改善居住条件',
      content: '建设公共租赁住房2075套。',
      units: [{ name: '市房产局', role: 'lead' }],
      deadlineText: '12月',
      progress: null,
    },
  ],
};

const tableOf = (blocks: SourceBlock[]) => {
  const table = blocks.find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error('no table');
  return table.rows;
};

describe('official tables', () => {
  it('finds the runs to merge down', () => {
    expect(mergeRuns([['a'], ['a'], ['b'], [''], ['']], 0)).toEqual([
      [0, 2],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });

  it('has the columns of seeds 000, 004 and 002', () => {
    expect(buildProgressTable(plan, '三季度').columns.map((c) => c.header)).toEqual([
      '序号',
      '主要内容',
      '责任部门',
      '三季度推进情况',
    ]);
    const implementation = buildImplementationTable(plan, '2020-09-25');
    expect(implementation.columns.map((c) => c.header)).toEqual([
      '序号',
      '名称',
      '内容',
      '责任单位',
      '落实情况',
      '备注',
      '完成时限',
    ]);
    expect(implementation.subtitle).toBe('填报时间：2020年9月25日');
    expect(implementation.title).toBe('平罗县2020年3件民生实事落实情况表');
    expect(buildResponsibilityTable(plan).rows[0]).toEqual([
      '1',
      '就业增收（2项）',
      '新增摊位1500个，新增创业就业岗位3000人。',
      '一季度末',
      '市执法局、各城区',
    ]);
  });
});

describe('docx export', () => {
  it('follows the official layout: A4 landscape, fonts, page numbers, repeated header row', async () => {
    const bytes = await exportTableDocx(buildResponsibilityTable(plan));
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toMatch(/w:orient="landscape"/);
    // A4 in twips, turned: 297 mm wide, 210 mm high.
    expect(xml).toMatch(/w:w="16838"/);
    expect(xml).toMatch(/w:h="11906"/);
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|on|1)"\/>/);
    const footer = Object.entries(files).find(([name]) => /word\/footer\d*\.xml/.test(name));
    expect(footer && strFromU8(footer[1])).toMatch(/PAGE/);
  });

  it('reads back through the docx reader with the category merged down', async () => {
    const bytes = await exportTableDocx(buildResponsibilityTable(plan));
    const rows = tableOf(readDocx(bytes).blocks);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '类别', '工作内容', '完成时限', '责任单位'],
      ['1', '就业增收（2项）', '新增摊位1500个，新增创业就业岗位3000人。', '一季度末', '市执法局、各城区'],
      ['2', '', '城镇新增就业9万人。', '11月', '市人社局'],
      ['3', '安居工程（1项）', '建设公共租赁住房2075套。', '12月', '市房产局'],
    ]);
    expect(rows[2]!.cells[1]!.mergedFromAbove).toBe(true);
    expect(rows[3]!.cells[1]!.mergedFromAbove).toBeFalsy();
  });
});

describe('xlsx export', () => {
  it('has a frozen header, merged title and category, fonts and widths', async () => {
    const bytes = await exportTableXlsx(buildImplementationTable(plan, '2020-09-25'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('平罗县2020年3件民生实事落实情况表');
    expect(sheet.getCell('A2').value).toBe('填报时间：2020年9月25日');
    expect(sheet.getCell('A3').value).toBe('序号');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getCell('A4').value).toBe(1);
    expect(sheet.getCell('F4').value).toBe('正常推进');
    expect(sheet.getCell('C4').font?.name).toBe('仿宋_GB2312');
    expect(sheet.getColumn(5).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
  });

  it('merges the category down in the responsibility table and reads back', async () => {
    const bytes = await exportTableXlsx(buildResponsibilityTable(plan));
    const source = await readXlsx(bytes);
    const rows = tableOf(source.blocks);
    const header = rows.findIndex((r) => r.cells[0]?.text === '序号');
    expect(rows[header + 1]!.cells.map((c) => c.text)).toEqual([
      '1',
      '就业增收（2项）',
      '新增摊位1500个，新增创业就业岗位3000人。',
      '一季度末',
      '市执法局、各城区',
    ]);
    expect(rows[header + 2]!.cells[1]!.mergedFromAbove).toBe(true);
  });
});
