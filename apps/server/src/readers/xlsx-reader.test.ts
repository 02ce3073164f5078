import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatNumber, readXlsx } from './xlsx-reader';

async function workbookBytes(
  build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('表1'), workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads the used range as a table; merges give colSpan and mergedFromAbove', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.getCell('A1').value = '平罗县2020年10件民生实事落实情况表';
      sheet.mergeCells('A1:D1');
      sheet.addRow(['序号', '类别', '内容', '时限']);
      sheet.addRow([1, '就业增收', '发放贷款1.2亿元', '11月']);
      sheet.addRow([2, null, '城镇新增就业9万人', '11月']);
      sheet.addRow([3, '住房', '改造棚户区', null]);
      sheet.mergeCells('B3:B4');
      sheet.mergeCells('C5:D5');
    });
    const source = await readXlsx(bytes);
    expect(source.format).toBe('xlsx');
    expect(source.blocks).toEqual([
      { kind: 'paragraph', text: '平罗县2020年10件民生实事落实情况表' },
      {
        kind: 'table',
        rows: [
          { cells: [{ text: '序号' }, { text: '类别' }, { text: '内容' }, { text: '时限' }] },
          {
            cells: [{ text: '1' }, { text: '就业增收' }, { text: '发放贷款1.2亿元' }, { text: '11月' }],
          },
          {
            cells: [
              { text: '2' },
              { text: '', mergedFromAbove: true },
              { text: '城镇新增就业9万人' },
              { text: '11月' },
            ],
          },
          { cells: [{ text: '3' }, { text: '住房' }, { text: '改造棚户区', colSpan: 2 }] },
        ],
      },
    ]);
  });

  it('prints values as the sheet shows them: rich text, formula results, numbers, percentages, dates', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['文本', '值']);
      sheet.addRow([
        'rich',
        { richText: [{ text: '市人社局' }, { text: '、开发区', font: { bold: true } }] },
      ]);
      sheet.addRow(['formula', { formula: 'A1', result: 8700 }]);
      sheet.addRow(['float', 0.1 + 0.2]);
      sheet.addRow(['big', 10000]);
      sheet.addRow(['tiny', 1e-7]);
      sheet.addRow(['date', new Date(Date.UTC(2020, 8, 25))]);
      sheet.getCell('B7').numFmt = 'yyyy-mm-dd';
      sheet.addRow(['percent', 0.905]);
      sheet.getCell('B8').numFmt = '0.0%';
      sheet.addRow(['multiline', '市食药\r\n监局']);
    });
    const source = await readXlsx(bytes);
    const table = source.blocks[0];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows.map((row) => row.cells[1]?.text)).toEqual([
      '值',
      '市人社局、开发区',
      '8700',
      '0.3',
      '10000',
      '0.0000001',
      '2020年9月25日',
      '90.5%',
      '市食药\n监局',
    ]);
  });

  it('skips hidden sheets and reads every visible one', async () => {
    const bytes = await workbookBytes((sheet, workbook) => {
      sheet.addRow(['序号', '内容']);
      const hidden = workbook.addWorksheet('lists');
      hidden.state = 'hidden';
      hidden.addRow(['secret', 'list']);
      workbook.addWorksheet('表2').addRow(['a', 'b']);
    });
    const source = await readXlsx(bytes);
    expect(source.blocks).toHaveLength(2);
    expect(JSON.stringify(source.blocks)).not.toContain('secret');
  });

  it('stays fast with a merge down to the last row and a stray cell far away', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['序号', '内容', '类别']);
      sheet.addRow([1, '新建公厕', '环境']);
      sheet.addRow([2, '改造管网', null]);
      sheet.mergeCells('C2:C3');
    });
    // exceljs would write every merged cell, so the huge ranges are patched into the XML.
    const files = unzipSync(bytes);
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array())
      .replace('C2:C3', 'C2:C1048576')
      .replace('</sheetData>', '<row r="1000000"><c r="XFD1000000" s="0"/></row></sheetData>');
    files['xl/worksheets/sheet1.xml'] = strToU8(sheetXml);
    const started = performance.now();
    const source = await readXlsx(zipSync(files));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(source.blocks).toEqual([
      {
        kind: 'table',
        rows: [
          { cells: [{ text: '序号' }, { text: '内容' }, { text: '类别' }] },
          { cells: [{ text: '1' }, { text: '新建公厕' }, { text: '环境' }] },
          { cells: [{ text: '2' }, { text: '改造管网' }, { text: '', mergedFromAbove: true }] },
        ],
      },
    ]);
  });

  it('refuses a merge over the whole sheet quickly instead of hanging in exceljs', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['序号', '内容']);
      sheet.mergeCells('A3:A4');
    });
    const files = unzipSync(bytes);
    files['xl/worksheets/sheet1.xml'] = strToU8(
      strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array()).replace('A3:A4', 'A3:XFD1048576'),
    );
    const started = performance.now();
    await expect(readXlsx(zipSync(files))).rejects.toMatchObject({ code: 'CORRUPT_DOCUMENT' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('formatNumber', () => {
  it('never prints exponents or float noise', () => {
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(69.85)).toBe('69.85');
    expect(formatNumber(1.1 * 3)).toBe('3.3');
    expect(formatNumber(-2.5)).toBe('-2.5');
  });
});
