/**
 * Writes an official table as .xlsx: a title row merged across, the header frozen, column
 * widths, wrapped text, the merge-down column merged, 仿宋_GB2312 text and 黑体 headers, and
 * print set-up (A4 landscape, header row repeated, fit to width).
 */
import ExcelJS from 'exceljs';
import { mergeRuns, type OfficialTable } from './official-table';

export async function exportTableXlsx(table: OfficialTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minsheng 民生实事督办平台';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = table.columns.length;
  sheet.columns = table.columns.map((c) => ({ width: Math.max(6, c.width * 2.6) }));

  let r = 1;
  sheet.mergeCells(r, 1, r, n);
  const title = sheet.getCell(r, 1);
  title.value = table.title;
  title.font = { name: '方正小标宋简体', size: 18 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(r).height = 36;
  r++;
  if (table.subtitle) {
    sheet.mergeCells(r, 1, r, n);
    sheet.getCell(r, 1).value = table.subtitle;
    sheet.getCell(r, 1).font = { name: '仿宋_GB2312', size: 12 };
    r++;
  }
  const headerRow = r;
  const border = {
    top: { style: 'thin' as const },
    left: { style: 'thin' as const },
    bottom: { style: 'thin' as const },
    right: { style: 'thin' as const },
  };
  table.columns.forEach((c, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { name: '黑体', size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  table.rows.forEach((row, i) => {
    row.forEach((text, j) => {
      const cell = sheet.getCell(headerRow + 1 + i, j + 1);
      // 序号 as a number with a plain format; everything else as text.
      cell.value = j === 0 && /^\d+$/.test(text) ? Number(text) : text;
      if (j === 0) cell.numFmt = '0';
      cell.font = { name: '仿宋_GB2312', size: 12 };
      cell.alignment = {
        horizontal: table.columns[j]!.align === 'center' ? 'center' : 'left',
        vertical: 'middle',
        wrapText: true,
      };
      cell.border = border;
    });
  });
  if (table.mergeDownColumn != null) {
    const col = table.mergeDownColumn + 1;
    for (const [start, length] of mergeRuns(table.rows, table.mergeDownColumn)) {
      if (length > 1) sheet.mergeCells(headerRow + 1 + start, col, headerRow + length + start, col);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
