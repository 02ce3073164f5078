import {
  textToSource,
  type SourceBlock,
  type SourceDocument,
  type TableCell,
  type TableRow,
} from '@minsheng/core';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { decodeText } from './decode-text';
import { DocumentReadError } from './read-error';

/** Page chrome and non-content elements: their text never reaches the importer. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'aside',
  'footer',
  'iframe',
  'svg',
  'canvas',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'object',
  'embed',
]);

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'address',
  'figure',
  'figcaption',
  'caption',
  'form',
  'fieldset',
  'hr',
  'body',
  'html',
  'tr',
  'td',
  'th',
  'table',
  'thead',
  'tbody',
  'tfoot',
]);

/** Finds `<meta charset=…>` or `http-equiv … charset=…` among the first bytes (read as ASCII). */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1] ?? null;
}

/**
 * Reads an HTML page (a government site's article, a Word "save as web page"): paragraphs from
 * block elements, data tables as tables. Layout tables (a table holding another table, or a
 * single column) are unwrapped and read as flowing content. rowspan/colspan are laid out on the
 * cell grid: the first row of a rowspan carries the text, the rows below get an empty
 * `mergedFromAbove` cell in that column (with its colSpan). `rowSpan` is left unset: the grid is
 * already expanded, and the core would count the span twice. A page without data tables goes through
 * `textToSource(text, 'html')`, which still finds tables flattened into text.
 */
export function readHtml(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes, sniffHtmlCharset(bytes));
  if (!decoded) {
    throw new DocumentReadError('CORRUPT_DOCUMENT', '网页文件无法解码', 'the HTML file cannot be decoded');
  }
  return htmlToSource(decoded.text);
}

export function htmlToSource(html: string): SourceDocument {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const collector = new BlockCollector();
  collector.walk(document.children);
  collector.flush();
  const blocks = collector.blocks;
  if (!blocks.some((block) => block.kind === 'table')) {
    const text = blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('\n');
    return textToSource(text, 'html');
  }
  return { format: 'html', blocks };
}

class BlockCollector {
  readonly blocks: SourceBlock[] = [];
  private line = '';
  private preDepth = 0;

  walk(nodes: ChildNode[]): void {
    for (const node of nodes) this.visit(node);
  }

  flush(): void {
    const text = this.line
      .split('\n')
      .map((part) => part.trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    if (text) this.blocks.push({ kind: 'paragraph', text });
    this.line = '';
  }

  private visit(node: ChildNode): void {
    if (node.type === 'text') {
      this.line += this.preDepth > 0 ? node.data : node.data.replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (node.type === 'cdata') {
      this.walk(node.children);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const element = node as Element;
    const name = element.name;
    if (SKIPPED.has(name) || isHidden(element)) return;
    if (name === 'br') {
      this.line += '\n';
      return;
    }
    if (name === 'table') {
      const rows = directRows(element);
      if (isLayoutTable(rows)) {
        this.flush();
        this.walk(element.children);
        this.flush();
        return;
      }
      this.flush();
      // A <caption> names the table: a paragraph just before it (often the document's title).
      for (const child of element.children) {
        if (child.type !== 'tag' || child.name !== 'caption') continue;
        this.walk(child.children);
        this.flush();
      }
      const table = buildTable(rows);
      if (table.length > 0) this.blocks.push({ kind: 'table', rows: table });
      return;
    }
    const block = BLOCKS.has(name);
    if (block) this.flush();
    if (name === 'li') this.line += listLabel(element);
    if (name === 'pre') this.preDepth++;
    this.walk(element.children);
    if (name === 'pre') this.preDepth--;
    if (block) this.flush();
  }
}

/**
 * The number a browser shows before an item of an ordered list ("1、", "（2）" one list deeper),
 * which is not in the text; "" for other items and for items that print their own number.
 */
function listLabel(item: Element): string {
  const list = item.parent;
  if (!list || list.type !== 'tag' || list.name !== 'ol') return '';
  if (
    /^\s*(?:[（(]?[\d０-９一二三四五六七八九十]+(?:[、．)）]|\.(?!\d))|[①-⑳])/.test(
      leadingText(item.children, 8),
    )
  )
    return '';
  const start = Number(list.attribs['start'] ?? 1);
  let n = Number.isFinite(start) ? start : 1;
  for (const sibling of list.children) {
    if (sibling === item) break;
    if (sibling.type === 'tag' && sibling.name === 'li') n++;
  }
  let depth = 0;
  for (let p = list.parent; p; p = p.parent) if (p.type === 'tag' && p.name === 'ol') depth++;
  return depth === 0 ? `${n}、` : `（${n}）`;
}

function leadingText(nodes: ChildNode[], limit: number): string {
  let text = '';
  const visit = (list: ChildNode[]): void => {
    for (const node of list) {
      if (text.length >= limit) return;
      if (node.type === 'text') text += node.data;
      else if (node.type === 'tag' && !SKIPPED.has(node.name)) visit(node.children);
    }
  };
  visit(nodes);
  return text.trimStart().slice(0, limit);
}

function isHidden(element: Element): boolean {
  const style = element.attribs['style'];
  return (
    element.attribs['hidden'] !== undefined || (style !== undefined && /display\s*:\s*none/i.test(style))
  );
}

/** The table's own rows (through thead/tbody/tfoot), not those of tables nested in its cells. */
function directRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      if (node.name === 'tr') rows.push(node);
      else if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot') visit(node.children);
    }
  };
  visit(table.children);
  return rows;
}

function directCells(row: Element): Element[] {
  return row.children.filter(
    (node): node is Element => node.type === 'tag' && (node.name === 'td' || node.name === 'th'),
  );
}

function containsTable(nodes: ChildNode[]): boolean {
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    if (node.name === 'table' || containsTable(node.children)) return true;
  }
  return false;
}

/** Longest cell text of a data table; a longer cell is a page column holding the article. */
const MAX_DATA_CELL_CHARS = 3000;

function textLength(nodes: ChildNode[], limit: number): number {
  let length = 0;
  const visit = (list: ChildNode[]): void => {
    for (const node of list) {
      if (length > limit) return;
      if (node.type === 'text') length += node.data.trim().length;
      else if (node.type === 'tag' && !SKIPPED.has(node.name)) visit(node.children);
    }
  };
  visit(nodes);
  return length;
}

function containsHeading(nodes: ChildNode[]): boolean {
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    if (/^h[1-3]$/.test(node.name) || containsHeading(node.children)) return true;
  }
  return false;
}

/**
 * A table used for page layout rather than data: it nests a table, has one column, or a cell
 * holds a heading or a whole article's worth of text (old government sites lay pages out in tables).
 */
function isLayoutTable(rows: Element[]): boolean {
  if (rows.length === 0) return true;
  if (rows.every((row) => directCells(row).length <= 1)) return true;
  return rows.some((row) =>
    directCells(row).some(
      (cell) =>
        containsTable(cell.children) ||
        containsHeading(cell.children) ||
        textLength(cell.children, MAX_DATA_CELL_CHARS) > MAX_DATA_CELL_CHARS,
    ),
  );
}

function spanOf(element: Element, attribute: string): number {
  const value = Number.parseInt(element.attribs[attribute] ?? '1', 10);
  // Browsers clamp rowspan to 65534 and colspan to 1000; we clamp lower, a real plan never needs more.
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

function buildTable(rows: Element[]): TableRow[] {
  // Columns still covered by a rowspan from above: column → { rows left, colSpan }.
  const pending = new Map<number, { left: number; colSpan: number }>();
  const result: TableRow[] = [];
  for (const row of rows) {
    const cells: TableCell[] = [];
    let column = 0;
    const placeCovered = (): void => {
      let cover = pending.get(column);
      while (cover) {
        cells.push(
          cover.colSpan > 1
            ? { text: '', colSpan: cover.colSpan, mergedFromAbove: true }
            : { text: '', mergedFromAbove: true },
        );
        cover.left--;
        if (cover.left === 0) pending.delete(column);
        column += cover.colSpan;
        cover = pending.get(column);
      }
    };
    for (const element of directCells(row)) {
      placeCovered();
      const colSpan = spanOf(element, 'colspan');
      const rowSpan = Math.min(spanOf(element, 'rowspan'), rows.length);
      const cell: TableCell = { text: cellText(element) };
      if (colSpan > 1) cell.colSpan = colSpan;
      if (rowSpan > 1) pending.set(column, { left: rowSpan - 1, colSpan });
      cells.push(cell);
      column += colSpan;
    }
    // Rowspans reaching past the last cell of this row.
    const trailing = [...pending.keys()].filter((key) => key >= column).sort((a, b) => a - b);
    for (const key of trailing) {
      column = key;
      placeCovered();
    }
    if (cells.length > 0) result.push({ cells });
  }
  return result;
}

/** A cell's text: block children and <br> become line breaks; a nested table one line per row. */
function cellText(cell: Element): string {
  let text = '';
  const visit = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        text += node.data.replace(/[ \t\r\n\f]+/g, ' ');
        continue;
      }
      if (node.type !== 'tag') continue;
      if (SKIPPED.has(node.name) || isHidden(node)) continue;
      if (node.name === 'br') {
        text += '\n';
        continue;
      }
      if (node.name === 'td' || node.name === 'th') {
        text += ' ';
        visit(node.children);
        continue;
      }
      const block = BLOCKS.has(node.name);
      if (block) text += '\n';
      visit(node.children);
      if (block) text += '\n';
    }
  };
  visit(cell.children);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
