import type { SourceBlock, SourceDocument, TableCell, TableRow } from '@minsheng/core';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../uploads/limits';
import { openZip } from '../uploads/zip-guard';
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
  const xml = zip.read('word/document.xml');
  if (!xml)
    throw new DocumentReadError(
      'CORRUPT_DOCUMENT',
      '不是有效的 Word 文件（缺少正文）',
      'not a valid Word file (no document body)',
    );
  return documentXmlToSource(new TextDecoder('utf-8').decode(xml));
}

export function documentXmlToSource(xml: string): SourceDocument {
  const root = parseDocument(xml, { xmlMode: true });
  const body = findFirst(root.children, 'body');
  if (!body)
    throw new DocumentReadError(
      'CORRUPT_DOCUMENT',
      '不是有效的 Word 文件（缺少正文）',
      'not a valid Word file (no document body)',
    );
  const blocks: SourceBlock[] = [];
  for (const element of contentChildren(body)) {
    const name = localName(element);
    if (name === 'p') {
      const text = paragraphText(element).trim();
      if (text) blocks.push({ kind: 'paragraph', text });
    } else if (name === 'tbl') {
      const rows = readTable(element);
      if (rows.length > 0) blocks.push({ kind: 'table', rows });
    }
  }
  return { format: 'docx', blocks };
}

function localName(element: Element): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

function elements(nodes: ChildNode[]): Element[] {
  return nodes.filter((node): node is Element => node.type === 'tag');
}

function findFirst(nodes: ChildNode[], name: string): Element | null {
  for (const element of elements(nodes)) {
    if (localName(element) === name) return element;
    const inner = findFirst(element.children, name);
    if (inner) return inner;
  }
  return null;
}

/** Children of a body, cell or row, looking through content controls and custom XML wrappers. */
function contentChildren(parent: Element): Element[] {
  const result: Element[] = [];
  for (const element of elements(parent.children)) {
    const name = localName(element);
    if (name === 'sdt') {
      const content = elements(element.children).find((child) => localName(child) === 'sdtContent');
      if (content) result.push(...contentChildren(content));
    } else if (name === 'customXml' || name === 'smartTag') {
      result.push(...contentChildren(element));
    } else {
      result.push(element);
    }
  }
  return result;
}

/** Elements whose text is not the document's visible text. */
const SKIPPED = new Set([
  'del',
  'delText',
  'instrText',
  'moveFrom',
  'Fallback',
  'pPr',
  'rPr',
  'tblPr',
  'tcPr',
  'trPr',
]);

function paragraphText(paragraph: Element): string {
  let text = '';
  const visit = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') continue; // whitespace between tags, never content in WordprocessingML
      if (node.type !== 'tag') continue;
      const name = localName(node);
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 't':
          for (const child of node.children) if (child.type === 'text') text += child.data;
          break;
        case 'tab':
          text += '\t';
          break;
        case 'br':
        case 'cr':
          text += '\n';
          break;
        case 'noBreakHyphen':
          text += '-';
          break;
        case 'p':
          // A paragraph inside a text box within this paragraph.
          text += '\n';
          visit(node.children);
          break;
        default:
          visit(node.children);
      }
    }
  };
  visit(paragraph.children);
  return text;
}

interface PlacedCell {
  cell: TableCell;
  column: number;
  merge: 'restart' | 'continue' | null;
}

function attribute(parent: Element, child: string): string | null | undefined {
  const element = elements(parent.children).find((node) => localName(node) === child);
  if (!element) return undefined;
  return element.attribs['w:val'] ?? null;
}

function readTable(table: Element): TableRow[] {
  const placedRows: PlacedCell[][] = [];
  for (const row of contentChildren(table)) {
    if (localName(row) !== 'tr') continue;
    const placed: PlacedCell[] = [];
    let column = 0;
    const rowProperties = elements(row.children).find((node) => localName(node) === 'trPr');
    const gridBefore = rowProperties ? Number(attribute(rowProperties, 'gridBefore') ?? 0) : 0;
    if (Number.isInteger(gridBefore) && gridBefore > 0) {
      placed.push({
        cell: gridBefore > 1 ? { text: '', colSpan: gridBefore } : { text: '' },
        column,
        merge: null,
      });
      column += gridBefore;
    }
    for (const cellElement of contentChildren(row)) {
      if (localName(cellElement) !== 'tc') continue;
      const properties = elements(cellElement.children).find((node) => localName(node) === 'tcPr');
      const span = properties ? Number(attribute(properties, 'gridSpan') ?? 1) : 1;
      const colSpan = Number.isInteger(span) && span > 1 ? Math.min(span, 1000) : 1;
      const vMerge = properties ? attribute(properties, 'vMerge') : undefined;
      const hMerge = properties ? attribute(properties, 'hMerge') : undefined;
      const previous = placed[placed.length - 1];
      if (hMerge !== undefined && hMerge !== 'restart' && previous) {
        // Legacy horizontal merge: this cell widens the one before it.
        previous.cell.colSpan = (previous.cell.colSpan ?? 1) + colSpan;
        column += colSpan;
        continue;
      }
      const merge = vMerge === undefined ? null : vMerge === 'restart' ? 'restart' : 'continue';
      const cell: TableCell =
        merge === 'continue' ? { text: '', mergedFromAbove: true } : { text: cellText(cellElement) };
      if (colSpan > 1) cell.colSpan = colSpan;
      placed.push({ cell, column, merge });
      column += colSpan;
    }
    if (placed.length > 0) placedRows.push(placed);
  }

  return placedRows.map((row) => ({ cells: row.map((placed) => placed.cell) }));
}

function cellText(cell: Element): string {
  const lines: string[] = [];
  for (const element of contentChildren(cell)) {
    const name = localName(element);
    if (name === 'p') lines.push(paragraphText(element));
    else if (name === 'tbl') {
      for (const row of readTable(element)) {
        lines.push(
          row.cells
            .map((nested) => nested.text.replace(/\n/g, ' ').trim())
            .filter((text) => text !== '')
            .join(' '),
        );
      }
    }
  }
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  return lines.join('\n');
}
