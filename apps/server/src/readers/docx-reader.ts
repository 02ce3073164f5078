import type { SourceBlock, SourceDocument, TableCell } from '@minsheng/core';
import { Parser } from 'htmlparser2';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../uploads/limits';
import { openZip, type GuardedZip } from '../uploads/zip-guard';
import { type DocxNumbering, parseNumbering } from './docx-numbering';
import { DocumentReadError } from './read-error';

const WHAT = 'Word 文件';

/**
 * Reads a .docx: word/document.xml's paragraphs and tables in body order. Runs are joined,
 * w:br / w:cr become "\n" and w:tab "\t"; deleted text and field codes are left out. In tables,
 * gridSpan gives `colSpan`, a vMerge restart cell carries the text, and vMerge continue cells
 * become empty `mergedFromAbove` cells (`rowSpan` is left unset: the continue cells carry the
 * span). A cell's paragraphs are joined by "\n"; a table nested in a cell becomes one line per
 * row, its cells separated by a space.
 * (mammoth is not used: its HTML loses vMerge.)
 */
export function readDocx(bytes: Uint8Array, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): SourceDocument {
  const zip = openZip(bytes, WHAT, limits);
  const xml = zip.read(mainDocumentPath(zip));
  if (!xml)
    throw new DocumentReadError(
      'CORRUPT_DOCUMENT',
      '不是有效的 Word 文件（缺少正文）',
      'not a valid Word file (no document body)',
    );
  const numberingXml = zip.has('word/numbering.xml') ? zip.read('word/numbering.xml') : null;
  const stylesXml = zip.has('word/styles.xml') ? zip.read('word/styles.xml') : null;
  const numbering = numberingXml
    ? parseNumbering(
        new TextDecoder('utf-8').decode(numberingXml),
        stylesXml ? new TextDecoder('utf-8').decode(stylesXml) : null,
      )
    : null;
  return documentXmlToSource(new TextDecoder('utf-8').decode(xml), numbering);
}

/**
 * The main document part: word/document.xml almost always, but the package's _rels/.rels is what
 * names it (some tools write word/document2.xml).
 */
export function mainDocumentPath(zip: GuardedZip): string {
  if (zip.has('word/document.xml')) return 'word/document.xml';
  const rels = zip.read('_rels/.rels');
  if (rels) {
    const text = new TextDecoder('utf-8').decode(rels);
    for (const match of text.matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = match[0];
      if (!/Type="[^"]*\/officeDocument"/.test(tag)) continue;
      const target = /Target="([^"]+)"/.exec(tag)?.[1];
      if (target) return target.replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

/**
 * Elements skipped with everything inside: deletions, field codes and fallbacks are not visible
 * text; paragraph and run properties hold tab stops (w:tabs/w:tab), not tabs.
 */
const SKIPPED = new Set(['del', 'delText', 'instrText', 'moveFrom', 'Fallback', 'pPr', 'rPr']);

interface PlacedCell {
  cell: TableCell;
  column: number;
}

interface OpenCell {
  lines: string[];
  colSpan: number;
  vMerge: 'restart' | 'continue' | null;
  hMergeContinue: boolean;
}

interface OpenTable {
  rows: PlacedCell[][];
  row: PlacedCell[] | null;
  column: number;
  cell: OpenCell | null;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function spanValue(value: string | undefined): number {
  const number = Number(value ?? 1);
  return Number.isInteger(number) && number > 1 ? Math.min(number, 1000) : 1;
}

/**
 * Reads word/document.xml in one streaming pass (a SAX parser: no DOM, so a large document costs
 * little memory and time).
 */
export function documentXmlToSource(xml: string, numbering: DocxNumbering | null = null): SourceDocument {
  const blocks: SourceBlock[] = [];
  const tables: OpenTable[] = [];
  let sawBody = false;
  let skipDepth = 0;
  // The paragraph's automatic numbering (w:pPr/w:numPr), read though w:pPr is otherwise skipped.
  let inParagraphProps = false;
  let numId: string | null = null;
  let ilvl = 0;
  let styleId: string | null = null;
  let paragraphDepth = 0;
  let paragraph = '';
  let inText = false;

  const currentTable = (): OpenTable | undefined => tables[tables.length - 1];

  const finishParagraph = (): void => {
    // Numbering of the paragraph itself, else of its style ("标题 1" numbered "一、").
    const styled = numbering && numId === null && styleId !== null ? numbering.ofStyle(styleId) : null;
    const id = numId ?? styled?.numId ?? null;
    if (numbering && id !== null && id !== '0' && paragraph.trim()) {
      const label = numbering.next(id, numId !== null ? ilvl : (styled?.ilvl ?? 0));
      if (label) paragraph = label + paragraph.replace(/^\s+/, '');
    }
    numId = null;
    ilvl = 0;
    styleId = null;
    const table = currentTable();
    if (table?.cell) table.cell.lines.push(paragraph);
    else if (tables.length === 0 && paragraph.trim())
      blocks.push({ kind: 'paragraph', text: paragraph.trim() });
    paragraph = '';
  };

  const finishCell = (table: OpenTable): void => {
    const open = table.cell;
    table.cell = null;
    if (!open) return;
    const row = table.row ?? (table.row = []);
    const previous = row[row.length - 1];
    if (open.hMergeContinue && previous) {
      // Legacy horizontal merge: this cell widens the one before it.
      previous.cell.colSpan = (previous.cell.colSpan ?? 1) + open.colSpan;
      table.column += open.colSpan;
      return;
    }
    const cell: TableCell =
      open.vMerge === 'continue' ? { text: '', mergedFromAbove: true } : { text: joinCellLines(open.lines) };
    if (open.colSpan > 1) cell.colSpan = open.colSpan;
    row.push({ cell, column: table.column });
    table.column += open.colSpan;
  };

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = localName(rawName);
        if (skipDepth > 0) {
          skipDepth++;
          // w:pPr > w:numPr > w:numId / w:ilvl (not those of a w:pPrChange revision).
          if (inParagraphProps && skipDepth === 2 && paragraphDepth === 1 && name === 'pStyle')
            styleId = attributes['w:val'] ?? null;
          if (inParagraphProps && skipDepth === 3 && paragraphDepth === 1) {
            if (name === 'numId') numId = attributes['w:val'] ?? null;
            else if (name === 'ilvl') ilvl = Number(attributes['w:val'] ?? 0) || 0;
          }
          return;
        }
        if (SKIPPED.has(name)) {
          skipDepth = 1;
          inParagraphProps = name === 'pPr';
          return;
        }
        const table = currentTable();
        switch (name) {
          case 'body':
            sawBody = true;
            break;
          case 'p':
            if (paragraphDepth > 0) paragraph += '\n'; // a paragraph of a text box inside this one
            paragraphDepth++;
            break;
          case 't':
            inText = paragraphDepth > 0;
            break;
          case 'tab':
            if (paragraphDepth > 0) paragraph += '\t';
            break;
          case 'br':
          case 'cr':
            if (paragraphDepth > 0) paragraph += '\n';
            break;
          case 'noBreakHyphen':
            if (paragraphDepth > 0) paragraph += '-';
            break;
          case 'tbl':
            tables.push({ rows: [], row: null, column: 0, cell: null });
            break;
          case 'tr':
            if (table) {
              table.row = [];
              table.column = 0;
            }
            break;
          case 'gridBefore':
            if (table?.row && !table.cell) {
              const span = spanValue(attributes['w:val']);
              table.row.push({
                cell: span > 1 ? { text: '', colSpan: span } : { text: '' },
                column: table.column,
              });
              table.column += span;
            }
            break;
          case 'tc':
            if (table) table.cell = { lines: [], colSpan: 1, vMerge: null, hMergeContinue: false };
            break;
          case 'gridSpan':
            if (table?.cell) table.cell.colSpan = spanValue(attributes['w:val']);
            break;
          case 'vMerge':
            if (table?.cell) table.cell.vMerge = attributes['w:val'] === 'restart' ? 'restart' : 'continue';
            break;
          case 'hMerge':
            if (table?.cell) table.cell.hMergeContinue = attributes['w:val'] !== 'restart';
            break;
        }
      },
      ontext(text) {
        if (inText && skipDepth === 0) paragraph += text;
      },
      onclosetag(rawName) {
        if (skipDepth > 0) {
          skipDepth--;
          if (skipDepth === 0) inParagraphProps = false;
          return;
        }
        const name = localName(rawName);
        const table = currentTable();
        switch (name) {
          case 't':
            inText = false;
            break;
          case 'p':
            paragraphDepth = Math.max(0, paragraphDepth - 1);
            if (paragraphDepth === 0) finishParagraph();
            break;
          case 'tc':
            if (table) finishCell(table);
            break;
          case 'tr':
            if (table) {
              if (table.cell) finishCell(table);
              if (table.row && table.row.length > 0) table.rows.push(table.row);
              table.row = null;
            }
            break;
          case 'tbl': {
            const done = tables.pop();
            if (!done) break;
            const rows = done.rows.map((row) => ({ cells: row.map((placed) => placed.cell) }));
            const outer = currentTable();
            if (outer?.cell) {
              // A table nested in a cell: one line per row, its cells separated by a space.
              for (const row of rows) {
                outer.cell.lines.push(
                  row.cells
                    .map((nested) => nested.text.replace(/\n/g, ' ').trim())
                    .filter((text) => text !== '')
                    .join(' '),
                );
              }
            } else if (tables.length === 0 && rows.length > 0) {
              blocks.push({ kind: 'table', rows });
            }
            break;
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  if (!sawBody) {
    throw new DocumentReadError(
      'CORRUPT_DOCUMENT',
      '不是有效的 Word 文件（缺少正文）',
      'not a valid Word file (no document body)',
    );
  }
  return { format: 'docx', blocks };
}

/** A cell's paragraphs joined by "\n", without the blank paragraphs Word leaves at either end. */
function joinCellLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  return lines.slice(start, end).join('\n');
}
