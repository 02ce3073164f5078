import type { SourceBlock, SourceDocument, TableCell, TableRow } from '@minsheng/core';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../uploads/limits';
import { openZip } from '../uploads/zip-guard';
import { DocumentReadError } from './read-error';

const WHAT = 'Excel 文件';
/** Cells beyond these are ignored: no 民生实事 table is this large, and the loops stay bounded. */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 200;

/**
 * Reads a .xlsx: each visible worksheet's used range becomes a table. In a merged range the
 * top-left cell keeps the text (with `colSpan`; `rowSpan` is left unset); the rows below get an empty
 * `mergedFromAbove` cell in that column and the columns to the right are absorbed by the span.
 * Leading rows with a single filled cell (a title such as "平罗县2020年10件民生实事落实情况表")
 * become paragraphs before the table, as they would be in the Word version of the document.
 * Values are rendered as printed: rich text and formula results as text, numbers without
 * float noise or exponents, percentages by their format, dates as "2020年9月25日".
 */
export async function readXlsx(
  bytes: Uint8Array,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<SourceDocument> {
  const zip = openZip(bytes, WHAT, limits);
  if (!zip.has('xl/workbook.xml')) {
    throw new DocumentReadError(
      'CORRUPT_DOCUMENT',
      '不是有效的 Excel 文件（缺少工作簿）',
      'not a valid Excel file (no workbook)',
    );
  }
  // exceljs inflates every entry itself: inflate them first under the guard, so entries whose
  // declared sizes lie are refused before exceljs spends the memory.
  const files: Record<string, Uint8Array> = {};
  for (const entry of zip.entries) files[entry.name] = zip.read(entry.name) ?? new Uint8Array();
  const input = clipMerges(files) ? zipSync(files, { level: 1 }) : bytes;

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(input.buffer, input.byteOffset, input.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    throw new DocumentReadError('CORRUPT_DOCUMENT', '不是有效的 Excel 文件', 'not a valid Excel file', {
      cause: error,
    });
  }
  const blocks: SourceBlock[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.state === 'hidden' || worksheet.state === 'veryHidden') continue;
    blocks.push(...worksheetBlocks(worksheet));
  }
  return { format: 'xlsx', blocks };
}

/** Most cells all merged ranges of a workbook may cover once clipped to MAX_ROWS × MAX_COLUMNS. */
const MAX_MERGED_CELLS = 1_000_000;

/**
 * exceljs creates a cell object for every cell of a merged range on load: "C2:C1048576" costs
 * seconds and "A1:XFD1048576" never ends. Clips merged ranges in the sheets' XML to the rows and
 * columns we read; refuses a workbook whose merges still cover too many cells. Returns true when
 * an entry was rewritten.
 */
function clipMerges(files: Record<string, Uint8Array>): boolean {
  let changed = false;
  let area = 0;
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const data = files[name];
    if (!data) continue;
    const xml = strFromU8(data);
    if (!xml.includes('mergeCell')) continue;
    let rewritten = false;
    const clipped = xml.replace(
      /(<(?:\w+:)?mergeCell\b[^>]*\bref=")([^"]+)(")/g,
      (whole, open: string, ref: string, close: string) => {
        const merge = parseRange(ref);
        if (!merge) return whole;
        const bottom = Math.min(merge.bottom, MAX_ROWS);
        const right = Math.min(merge.right, MAX_COLUMNS);
        if (merge.top > bottom || merge.left > right) {
          rewritten = true;
          return `${open}${columnLetters(merge.left)}${merge.top}${close}`;
        }
        area += (bottom - merge.top + 1) * (right - merge.left + 1);
        if (bottom === merge.bottom && right === merge.right) return whole;
        rewritten = true;
        return `${open}${columnLetters(merge.left)}${merge.top}:${columnLetters(right)}${bottom}${close}`;
      },
    );
    if (area > MAX_MERGED_CELLS) {
      throw new DocumentReadError(
        'CORRUPT_DOCUMENT',
        'Excel 文件的合并单元格过大',
        'the Excel file merges too many cells',
      );
    }
    if (rewritten) {
      files[name] = strToU8(clipped);
      changed = true;
    }
  }
  return changed;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let value = 0;
  for (const letter of letters.toUpperCase()) value = value * 26 + (letter.charCodeAt(0) - 64);
  return value;
}

function parseRange(range: string): Merge | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!match) return null;
  const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = match;
  const a = { row: Number(r1), col: columnNumber(c1) };
  const b = { row: Number(r2), col: columnNumber(c2) };
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

function worksheetBlocks(worksheet: ExcelJS.Worksheet): SourceBlock[] {
  if (worksheet.rowCount === 0 || worksheet.columnCount === 0) return [];

  // The used range: the last row and column holding text. Only rows and cells present in the
  // file are visited, so a stray format at row 1048576 costs nothing.
  const texts = new Map<number, Map<number, string>>();
  let lastRow = 0;
  let lastCol = 0;
  worksheet.eachRow({ includeEmpty: false }, (sheetRow, row) => {
    if (row > MAX_ROWS) return;
    sheetRow.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs gives the cells covered by a merge the master's value: only the master counts.
      if (col > MAX_COLUMNS || (cell.isMerged && cell.master.address !== cell.address)) return;
      const text = cellText(cell);
      if (text === '') return;
      let line = texts.get(row);
      if (!line) texts.set(row, (line = new Map()));
      line.set(col, text);
      lastRow = Math.max(lastRow, row);
      lastCol = Math.max(lastCol, col);
    });
  });

  // Merges, clipped to the used range (a merge may reach row 1048576) and indexed by row.
  const masterAt = new Map<string, Merge>();
  const mergesByRow = new Map<number, Merge[]>();
  for (const parsed of (worksheet.model.merges ?? []).map(parseRange)) {
    if (!parsed || parsed.top > lastRow || parsed.left > lastCol) continue;
    const merge = {
      ...parsed,
      bottom: Math.min(parsed.bottom, lastRow),
      right: Math.min(parsed.right, lastCol),
    };
    masterAt.set(`${merge.top}:${merge.left}`, merge);
    for (let row = merge.top; row <= merge.bottom; row++) {
      const list = mergesByRow.get(row);
      if (list) list.push(merge);
      else mergesByRow.set(row, [merge]);
    }
  }
  const coveredAt = (row: number, col: number): Merge | undefined =>
    mergesByRow
      .get(row)
      ?.find((merge) => col >= merge.left && col <= merge.right && (row !== merge.top || col !== merge.left));

  const rows: TableRow[] = [];
  for (let row = 1; row <= lastRow; row++) {
    const cells: TableCell[] = [];
    let filled = 0;
    let covered = false;
    for (let col = 1; col <= lastCol; col++) {
      const key = `${row}:${col}`;
      const cover = coveredAt(row, col);
      if (cover) {
        // Columns right of a merge's first column are absorbed by its colSpan.
        if (col === cover.left) {
          const cell: TableCell = { text: '', mergedFromAbove: true };
          const span = Math.min(cover.right, lastCol) - cover.left + 1;
          if (span > 1) cell.colSpan = span;
          cells.push(cell);
          covered = true;
        }
        continue;
      }
      const text = texts.get(row)?.get(col) ?? '';
      const cell: TableCell = { text };
      const merge = masterAt.get(key);
      if (merge) {
        const colSpan = Math.min(merge.right, lastCol) - merge.left + 1;
        if (colSpan > 1) cell.colSpan = colSpan;
      }
      if (text !== '') filled++;
      cells.push(cell);
    }
    if (filled === 0 && !covered) continue; // a blank row
    rows.push({ cells });
  }

  // Title rows above the table: one filled cell, nothing merged down into the next row.
  const blocks: SourceBlock[] = [];
  while (rows.length > 1) {
    const first = rows[0];
    if (!first) break;
    const filledCells = first.cells.filter((cell) => cell.text !== '');
    const spansDown = rows[1]?.cells.some((cell) => cell.mergedFromAbove) ?? false;
    if (filledCells.length !== 1 || spansDown || first.cells.some((cell) => cell.mergedFromAbove)) break;
    blocks.push({ kind: 'paragraph', text: filledCells[0]?.text ?? '' });
    rows.shift();
  }
  if (rows.length > 0) blocks.push({ kind: 'table', rows });
  return blocks;
}

/** "2020年9月25日" from a date cell (exceljs gives dates as UTC midnight). */
function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** 10000 → "10000", 0.1 + 0.2 → "0.3", 1e-7 → "0.0000001"; never an exponent. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  return rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function formatNumeric(value: number, numFmt: string | undefined): string {
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''))) {
    const decimals = /0\.(0+)%/.exec(numFmt)?.[1]?.length ?? 0;
    return `${formatNumber(Number((value * 100).toFixed(decimals)))}%`;
  }
  return formatNumber(value);
}

type CellLike = Pick<ExcelJS.Cell, 'value' | 'numFmt'>;

export function cellText(cell: CellLike): string {
  return valueText(cell.value, cell.numFmt).replace(/\r\n?/g, '\n').trim();
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumeric(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((run) => run.text).join('');
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && !(result instanceof Date))
        return 'error' in result ? String(result.error) : '';
      return valueText(result, numFmt);
    }
    if ('text' in value && 'hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text;
      return typeof text === 'string' ? text : valueText(text as ExcelJS.CellValue, numFmt);
    }
    if ('error' in value) return String(value.error);
  }
  return '';
}
