/**
 * Test set-up: renders the text seeds (fixtures/seeds/*.txt) as the .docx and .xlsx files they
 * came from, so the readers can be checked against the text import of the same document.
 *
 * The layout (paragraphs, then tables of cell texts) comes from the core's own reading of the
 * seed, textToSource(text, 'txt'), when it finds tables; otherwise from a small parser of the
 * seeds' flattened-table form here (one cell per tab-indented line, continuation lines without a
 * tab, rows of as many cells as the header). In the rendering, a blank cell of a "merge column"
 * (类别 for seed 002, the responsible unit for seed 000) under a filled one becomes a real
 * vertical merge: verticalMerge restart/continue in Word, a merged range in Excel.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { textToSource } from '@minsheng/core';
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';

export const SEEDS_DIR = fileURLToPath(new URL('../../../../fixtures/seeds/', import.meta.url));

export const SEED_FILES = [
  '000_b1707dd617eb9b67.txt',
  '001_618128e38ee0b4d6.txt',
  '002_a19654e07b0d8595.txt',
  '003_0dc1000d2cab6e1e.txt',
  '004_aa89135dd50b8e99.txt',
] as const;

export function seedPath(file: string): string {
  return `${SEEDS_DIR}${file}`;
}

export function readSeed(file: string): string {
  return readFileSync(seedPath(file), 'utf8');
}

/** A cell of the layout: its text, and whether it continues the merged cell above. */
export interface LayoutCell {
  text: string;
  mergedFromAbove: boolean;
}

export type LayoutBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: LayoutCell[][] };

/** Header words of the columns whose blank cells are merged with the cell above in the rendering. */
const MERGE_HEADERS = [/类\s*别/, /责任(部门|单位)/];

/** The seed's layout, from textToSource when it finds tables, else from {@link parseFlattenedTables}. */
export function seedLayout(text: string): LayoutBlock[] {
  const source = textToSource(text, 'txt');
  const fromCore = source.blocks.some((block) => block.kind === 'table');
  const blocks: LayoutBlock[] = fromCore
    ? source.blocks.map((block) =>
        block.kind === 'paragraph'
          ? block
          : {
              kind: 'table' as const,
              rows: block.rows.map((row) =>
                row.cells.map((cell) => ({
                  text: cell.text,
                  mergedFromAbove: cell.mergedFromAbove === true,
                })),
              ),
            },
      )
    : parseFlattenedTables(text);
  return blocks.map((block) =>
    block.kind === 'table' ? { kind: 'table', rows: markMerges(block.rows) } : block,
  );
}

/** Blank cells of a merge column below a filled (or merged) one continue it. */
function markMerges(rows: LayoutCell[][]): LayoutCell[][] {
  const header = rows[0] ?? [];
  const columns = header
    .map((cell, index) => (MERGE_HEADERS.some((pattern) => pattern.test(cell.text)) ? index : -1))
    .filter((index) => index >= 0);
  // Rows a merge may still cover, per column: a category label "（5项）" spans 5 rows in the
  // original (seed 002's rows 62–80 have blank, unmerged category cells); other labels run on.
  const left = new Map<number, number>();
  const result: LayoutCell[][] = [];
  rows.forEach((row, rowIndex) => {
    result.push(
      row.map((cell, column) => {
        if (rowIndex < 1 || !columns.includes(column)) return cell;
        if (cell.text.trim() !== '') {
          const count = /[（(]\s*(\d+)\s*项\s*[)）]/.exec(cell.text.replace(/\s+/g, ''));
          left.set(column, count ? Number(count[1]) - 1 : Number.POSITIVE_INFINITY);
          return cell;
        }
        const remaining = left.get(column) ?? 0;
        if (cell.mergedFromAbove || remaining > 0) {
          left.set(column, remaining - 1);
          return { text: '', mergedFromAbove: true };
        }
        return cell;
      }),
    );
  });
  return result;
}

/** Reads the seeds' flattened tables: see the module comment. */
export function parseFlattenedTables(text: string): LayoutBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: LayoutBlock[] = [];
  const isCellLine = (line: string): boolean => /^ ?\t/.test(line);
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (!isCellLine(line)) {
      if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
      index++;
      continue;
    }
    // A run of cells up to the next paragraph-only stretch: gather cells, then cut into rows.
    const segments: string[][] = [];
    let segment: string[] = [];
    let cells: string[] = [];
    for (; index < lines.length; index++) {
      const current = lines[index] ?? '';
      if (isCellLine(current)) {
        segment.push(current.replace(/^ ?\t/, ''));
        cells.push(current.replace(/^ ?\t/, ''));
      } else if (current.trim() === '') {
        if (segment.length > 0) segments.push(segment);
        segment = [];
        if (cells.length > 0) cells[cells.length - 1] += '\n';
      } else if (cells.length > 0) {
        cells[cells.length - 1] += `\n${current}`;
        if (segment.length > 0) segment[segment.length - 1] += `\n${current}`;
      }
    }
    if (segment.length > 0) segments.push(segment);
    // A leading one-cell segment is the table's title.
    let skip = 0;
    while (segments[0] && segments[0].length === 1) {
      blocks.push({ kind: 'paragraph', text: (segments[0][0] ?? '').trim() });
      segments.shift();
      skip++;
    }
    cells = cells.slice(skip);
    const width = segments[0]?.length ?? 1;
    const rows: LayoutCell[][] = [];
    for (let at = 0; at < cells.length; at += width) {
      rows.push(
        cells.slice(at, at + width).map((cell) => ({ text: tidyCell(cell), mergedFromAbove: false })),
      );
    }
    blocks.push({ kind: 'table', rows });
  }
  return blocks;
}

function tidyCell(text: string): string {
  return text.replace(/^\s*\n/, '').replace(/\s+$/, '');
}

function docxCell(cell: LayoutCell, restart: boolean): TableCell {
  const children = cell.mergedFromAbove
    ? [new Paragraph('')]
    : cell.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
  if (cell.mergedFromAbove) return new TableCell({ children, verticalMerge: VerticalMergeType.CONTINUE });
  if (restart) return new TableCell({ children, verticalMerge: VerticalMergeType.RESTART });
  return new TableCell({ children });
}

/** Renders the layout as a .docx: header rows marked tableHeader, real vertical merges. */
export async function renderDocx(layout: LayoutBlock[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of layout) {
    if (block.kind === 'paragraph') {
      children.push(new Paragraph({ children: [new TextRun(block.text)] }));
      continue;
    }
    const rows = block.rows.map(
      (row, rowIndex) =>
        new TableRow({
          // Only the real header row: tableHeader false is written as <w:tblHeader w:val="off"/> (stack G5).
          ...(rowIndex === 0 ? { tableHeader: true } : {}),
          children: row.map((cell, column) =>
            docxCell(cell, block.rows[rowIndex + 1]?.[column]?.mergedFromAbove === true),
          ),
        }),
    );
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  }
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * Renders the layout as an .xlsx: paragraphs before the first table as title rows merged across
 * the table's width, each table below, vertical merges as merged ranges; paragraphs after a
 * table are left out (a spreadsheet has none).
 */
export async function renderXlsx(layout: LayoutBlock[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  const width = Math.max(
    1,
    ...layout.map((block) => (block.kind === 'table' ? (block.rows[0]?.length ?? 1) : 1)),
  );
  let row = 1;
  let seenTable = false;
  for (const block of layout) {
    if (block.kind === 'paragraph') {
      if (seenTable) continue;
      sheet.getCell(row, 1).value = block.text;
      if (width > 1) sheet.mergeCells(row, 1, row, width);
      row++;
      continue;
    }
    seenTable = true;
    const top = row;
    block.rows.forEach((cells, rowIndex) => {
      cells.forEach((cell, column) => {
        if (!cell.mergedFromAbove) {
          const target = sheet.getCell(top + rowIndex, column + 1);
          target.value = cell.text;
          target.alignment = { wrapText: true, vertical: 'top' };
        }
      });
    });
    // Vertical merges: a filled cell and the mergedFromAbove cells below it.
    const columns = Math.max(...block.rows.map((cells) => cells.length));
    for (let column = 0; column < columns; column++) {
      for (let rowIndex = 0; rowIndex < block.rows.length; rowIndex++) {
        let end = rowIndex;
        while (block.rows[end + 1]?.[column]?.mergedFromAbove) end++;
        if (end > rowIndex) sheet.mergeCells(top + rowIndex, column + 1, top + end, column + 1);
        rowIndex = end;
      }
    }
    row = top + block.rows.length + 1; // a blank row between tables
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renders the layout as a web page in page chrome (nav, script, footer): paragraphs as <p>, tables
 * with a <thead> header row, merges as rowspan, line breaks in cells as <br>.
 */
export function renderHtml(layout: LayoutBlock[]): Uint8Array {
  const parts: string[] = [];
  for (const block of layout) {
    if (block.kind === 'paragraph') {
      parts.push(`<p>${escapeHtml(block.text)}</p>`);
      continue;
    }
    const rows = block.rows.map((row, rowIndex) => {
      const cells = row.flatMap((cell, column) => {
        if (cell.mergedFromAbove) return [];
        let span = 1;
        while (block.rows[rowIndex + span]?.[column]?.mergedFromAbove) span++;
        const tag = rowIndex === 0 ? 'th' : 'td';
        const rowspan = span > 1 ? ` rowspan="${span}"` : '';
        return [`<${tag}${rowspan}>${cell.text.split('\n').map(escapeHtml).join('<br>')}</${tag}>`];
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    const [head, ...body] = rows;
    parts.push(`<table border="1"><thead>${head ?? ''}</thead><tbody>${body.join('')}</tbody></table>`);
  }
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>民生实事</title><style>td{border:1px}</style></head>' +
    '<body><nav><a href="/">首页</a> &gt; <a href="/ms">民生档案</a></nav><script>var x = "<p>1、假任务</p>";</script>' +
    `<div class="article">${parts.join('\n')}</div><footer>Copyright © 2011</footer></body></html>`;
  return new TextEncoder().encode(html);
}

/** The .docx, .xlsx and .html renderings of a seed, with the layout they were made from. */
export async function renderSeed(
  file: string,
): Promise<{ layout: LayoutBlock[]; docx: Uint8Array; xlsx: Uint8Array; html: Uint8Array }> {
  const layout = seedLayout(readSeed(file));
  return { layout, docx: await renderDocx(layout), xlsx: await renderXlsx(layout), html: renderHtml(layout) };
}
