import type { SourceBlock, SourceDocument, SourceFormat, TableRow } from '../model';
import { parseDeadline } from '../deadline/parse-deadline';
import { compactText } from '../text/normalize';
import { classifyColumns, isHeaderRow, isHeaderWord, isSerialHeader } from './columns';
import { unwrapLines } from './hard-wrap';

/** A line that holds one cell of a table flattened into text: "\t市人社局", " \t7". */
const TAB_CELL = /^[ \u3000\u00a0]*\t/;
const PIPE_ROW = /\s[|｜]\s|^\s*[|｜]|[|｜]\s*$/;

const isBlank = (line: string): boolean => compactText(line) === '';
const SPACED = /[ \u3000\u00a0]{2,}|\t+/;

/** "一、就业和社会保障（３件）", "（二）教育": a category line printed inside a table. */
function isSectionHeading(line: string): boolean {
  const t = compactText(line);
  if (!t || t.length > 40) return false;
  return (
    /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[类部])/.test(
      t,
    ) || /[（(](?:共)?\d+[项件个][)）]$/.test(t)
  );
}

/** "34", "\n34", "1." → 34; null when the cell is not a serial number. */
function serialOf(cell: string): number | null {
  const m = /^[（(]?(\d{1,4})[.、)）]?$/.exec(compactText(cell));
  return m ? Number(m[1]) : null;
}

function splitRowLine(line: string): string[] {
  let t = line.trim();
  if (t.includes('\t') && !PIPE_ROW.test(t)) return t.split(/\t+/).map((c) => c.trim());
  t = t.replace(/^[|｜]/, '').replace(/[|｜]$/, '');
  return t.split(/[|｜]/).map((c) => markdownCell(c.trim()));
}

/** A Markdown cell's text: "**一、就业**" → "一、就业", "市人社局<br>各区政府" → two lines. */
function markdownCell(cell: string): string {
  return cell
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}

const isSeparatorRow = (cells: string[]): boolean => cells.every((c) => /^:?-{2,}:?$|^$/.test(c.trim()));

interface Stats {
  emptyRatio: number[];
  avgLength: number[];
  deadlineColumn: boolean[];
}

function columnStats(rows: string[][], header: string[]): Stats {
  const n = header.length;
  const roles = classifyColumns(header);
  const full = rows.filter((r) => r.length === n);
  const emptyRatio: number[] = [];
  const avgLength: number[] = [];
  for (let c = 0; c < n; c++) {
    const lens = full.map((r) => compactText(r[c] ?? '').length);
    emptyRatio.push(full.length ? lens.filter((l) => l === 0).length / full.length : 0.5);
    const nonEmpty = lens.filter((l) => l > 0);
    avgLength.push(nonEmpty.length ? nonEmpty.reduce((a, b) => a + b, 0) / nonEmpty.length : 4);
  }
  return { emptyRatio, avgLength, deadlineColumn: roles.map((r) => r === 'deadline') };
}

/** All ways to choose k of the positions 1..n-1 (column 0 holds the serial number). */
function* choose(n: number, k: number, start = 1, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i < n; i++) yield* choose(n, k, i + 1, [...acc, i]);
}

/**
 * A row that lost its blank cells in the flattening (002: "\t62" then " \t推进…" with no empty
 * 类别 cell) gets empty cells where blank cells are most likely, by the other rows' columns.
 */
/**
 * A row with more lines than columns (a cell wrapped onto the next line, no indentation to
 * tell) joins the neighbouring lines whose join fits the other rows' columns best.
 */
function mergeLongRow(row: string[], n: number, stats: Stats): string[] {
  let current = row;
  while (current.length > n) {
    let best: string[] | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let j = 1; j < current.length - 1; j++) {
      const candidate = [...current.slice(0, j), `${current[j]}\n${current[j + 1]}`, ...current.slice(j + 2)];
      const cost = rowCost(candidate.slice(0, n), stats);
      if (cost < bestCost) {
        bestCost = cost;
        best = candidate;
      }
    }
    if (!best) break;
    current = best;
  }
  return current;
}

function rowCost(candidate: string[], stats: Stats): number {
  let cost = 0;
  candidate.forEach((cell, c) => {
    const len = compactText(cell).length;
    if (len === 0) {
      cost += 1 - (stats.emptyRatio[c] ?? 0);
      return;
    }
    cost += Math.abs(Math.log((len + 1) / ((stats.avgLength[c] ?? 4) + 1)));
    if (stats.deadlineColumn[c]) cost += parseDeadline(cell, 2000)?.date ? 0 : 2;
  });
  return cost;
}

function alignShortRow(row: string[], n: number, stats: Stats): string[] {
  const missing = n - row.length;
  if (missing <= 0 || row.length === 0) return row;
  let best: string[] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  let tried = 0;
  for (const gaps of choose(n, missing)) {
    if (++tried > 500) break;
    const gapSet = new Set(gaps);
    const candidate: string[] = [];
    let cost = 0;
    let k = 0;
    for (let c = 0; c < n; c++) {
      if (gapSet.has(c)) {
        candidate.push('');
        cost += 1.5 * (1 - (stats.emptyRatio[c] ?? 0));
        continue;
      }
      const cell = row[k++] ?? '';
      candidate.push(cell);
      const len = compactText(cell).length;
      if (len === 0) {
        cost += 1 - (stats.emptyRatio[c] ?? 0);
        continue;
      }
      cost += Math.abs(Math.log((len + 1) / ((stats.avgLength[c] ?? 4) + 1)));
      if (stats.deadlineColumn[c]) cost += parseDeadline(cell, 2000)?.date ? 0 : 2;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = candidate;
    }
  }
  return best ?? row;
}

/** A body row with more cells than columns is joined, one with fewer (not the last) padded. */
function reshapeRow(row: string[], n: number, stats: Stats, isBody: boolean, isLast: boolean): string[] {
  if (!isBody) return row;
  if (row.length > n) return mergeLongRow(row, n, stats);
  if (row.length > 1 && row.length < n && !isLast) return alignShortRow(row, n, stats);
  return row;
}

/**
 * Cells in reading order (one per line in the text) → rows, by the header's width and the
 * serial numbers: a row starts with its number; a row with fewer cells before the next number
 * lost blank cells; a last row with fewer cells was cut off and is left short.
 */
function assembleRows(cells: string[], blocks: SourceBlock[]): void {
  // The header: the first run of header words with a serial or content heading.
  let h = -1;
  let n = 0;
  for (let i = 0; i < cells.length && h < 0; i++) {
    if (!isHeaderWord(cells[i] ?? '')) continue;
    let j = i;
    while (j < cells.length && isHeaderWord(cells[j] ?? '') && serialOf(cells[j] ?? '') === null) j++;
    if (j - i >= 2 && isHeaderRow(cells.slice(i, j))) {
      h = i;
      n = j - i;
    } else {
      i = j - 1 > i ? j - 1 : i;
    }
  }
  if (h < 0) {
    // No recognisable header: rows are runs that start with a serial number.
    for (const c of cells) {
      const text = c.trim();
      if (text) blocks.push({ kind: 'paragraph', text });
    }
    return;
  }
  for (const c of cells.slice(0, h)) {
    const text = c.trim();
    if (text) blocks.push({ kind: 'paragraph', text });
  }
  const header = cells.slice(h, h + n);
  const headerKey = header.map((c) => compactText(c)).join('|');
  const rows: string[][] = [header];
  const isHeaderAt = (p: number): boolean =>
    p + n <= cells.length &&
    cells
      .slice(p, p + n)
      .map((c) => compactText(c))
      .join('|') === headerKey;
  let p = h + n;
  while (p < cells.length) {
    const cell = cells[p] ?? '';
    if (compactText(cell) === '') {
      // A stray empty cell between rows.
      if (
        (serialOf(cells[p + 1] ?? '') !== null && serialOf(cells[p + n] ?? '') === null) ||
        (isSectionHeading(cell) && serialOf(cells[p + 1] ?? '') !== null)
      ) {
        p += 1;
        continue;
      }
    }
    if (isHeaderAt(p)) {
      p += n;
      continue;
    }
    const k = serialOf(cell);
    if (k === null) {
      // A heading across the table ("一、就业创业（5项）") before a numbered row.
      if (
        (serialOf(cells[p + 1] ?? '') !== null && serialOf(cells[p + n] ?? '') === null) ||
        (isSectionHeading(cell) && serialOf(cells[p + 1] ?? '') !== null)
      ) {
        rows.push([cell]);
        p += 1;
        continue;
      }
      rows.push(cells.slice(p, p + n));
      p += n;
      continue;
    }
    const nextAt = p + n;
    const next = nextAt < cells.length ? serialOf(cells[nextAt] ?? '') : null;
    if (
      nextAt >= cells.length ||
      (next !== null && next > k) ||
      isHeaderAt(nextAt) ||
      isSectionHeading(cells[nextAt] ?? '')
    ) {
      rows.push(cells.slice(p, Math.min(nextAt, cells.length)));
      p = nextAt;
      continue;
    }
    // Find where the next row starts.
    let q = -1;
    for (let j = p + 1; j < Math.min(cells.length, p + 2 * n + 1); j++) {
      const s = serialOf(cells[j] ?? '');
      if (
        (s !== null && s > k && s <= k + 3 && j !== p + 1) ||
        isHeaderAt(j) ||
        (j > p + 1 && isSectionHeading(cells[j] ?? ''))
      ) {
        q = j;
        break;
      }
    }
    if (q < 0) q = Math.min(nextAt, cells.length);
    rows.push(cells.slice(p, q));
    p = q;
  }
  // Rows that lost blank cells, except the last (a table cut off keeps its short last row).
  const stats = columnStats(rows.slice(1), header);
  const out: TableRow[] = rows.map((r, i) => {
    const isLast = i === rows.length - 1;
    const cellsOfRow = reshapeRow(r, n, stats, i > 0, isLast);
    return { cells: cellsOfRow.map((text) => ({ text: trimCell(text) })) };
  });
  blocks.push({ kind: 'table', rows: out });
}

/** Drops blank lines at the ends of a cell; keeps its inner line breaks. */
function trimCell(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/^(?:[ \t\u3000\u00a0]*\n)+/, '')
    .replace(/(?:\n[ \t\u3000\u00a0]*)+$/, '')
    .replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Index of the line after a tab-cell region that starts at `start`. */
function tabRegionEnd(lines: string[], start: number): number {
  let lastTab = start;
  let i = start + 1;
  let sawBlank = false;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (TAB_CELL.test(line)) {
      lastTab = i;
      sawBlank = false;
    } else if (isBlank(line)) {
      sawBlank = true;
    } else if (sawBlank && compactText(line).length > 30) {
      break;
    }
    i++;
  }
  // Continuation lines of the last cell, up to the first blank line.
  let end = lastTab + 1;
  while (end < lines.length && !isBlank(lines[end] ?? '')) end++;
  return end;
}

/** One cell per line without indentation: a header of known column words, then rows by serial. */
function tryPlainCellTable(lines: string[], start: number, blocks: SourceBlock[]): number {
  const nonBlank: number[] = [];
  for (let i = start; i < lines.length && nonBlank.length < 16; i++)
    if (!isBlank(lines[i] ?? '')) nonBlank.push(i);
  const first = lines[nonBlank[0] ?? -1] ?? '';
  if (!isSerialHeader(first)) return start;
  let n = 0;
  while (n < nonBlank.length && isHeaderWord(lines[nonBlank[n] ?? -1] ?? '')) n++;
  if (n < 3) return start;
  const header = nonBlank.slice(0, n).map((i) => compactText(lines[i] ?? ''));
  // The first row may sit under a category line ("一、就业和社会保障（2项）").
  const firstRow = isSectionHeading(lines[nonBlank[n] ?? -1] ?? '') ? n + 1 : n;
  if (!isHeaderRow(header) || serialOf(lines[nonBlank[firstRow] ?? -1] ?? '') !== 1) return start;
  const rows: string[][] = [header];
  let i = (nonBlank[n - 1] ?? start) + 1;
  let expected = 1;
  const headerKey = header.join('|');
  /** The serial on the first non-blank line after line `at`. */
  const serialAfter = (at: number): number | null => {
    let j = at + 1;
    while (j < lines.length && isBlank(lines[j] ?? '')) j++;
    return j < lines.length ? serialOf(lines[j] ?? '') : null;
  };
  /** A category line between rows: a heading followed by the next row's serial. */
  const isCategoryLine = (at: number, nextSerial: number): boolean =>
    isSectionHeading(lines[at] ?? '') && serialAfter(at) === nextSerial;
  while (i < lines.length) {
    while (i < lines.length && isBlank(lines[i] ?? '')) i++;
    if (i >= lines.length) break;
    if (isCategoryLine(i, expected)) {
      // A one-cell row: the category of the rows that follow.
      rows.push([compactText(lines[i] ?? '')]);
      i++;
      continue;
    }
    // A repeated header.
    const ahead: string[] = [];
    for (let j = i; j < lines.length && ahead.length < n; j++)
      if (!isBlank(lines[j] ?? '')) ahead.push(compactText(lines[j] ?? ''));
    if (ahead.join('|') === headerKey) {
      let skipped = 0;
      while (skipped < n) {
        if (!isBlank(lines[i] ?? '')) skipped++;
        i++;
      }
      continue;
    }
    const k = serialOf(lines[i] ?? '');
    if (k === null || k < expected - 1 || k > expected + 3) break;
    // The row's cells run to the next serial number (expected + 1) or n lines.
    const cellLines: string[] = [compactText(lines[i] ?? '')];
    let j = i + 1;
    while (j < lines.length) {
      const line = lines[j] ?? '';
      if (isBlank(line)) {
        j++;
        continue;
      }
      const s = serialOf(line);
      if (s !== null && s > k && s <= k + 3 && cellLines.length >= Math.min(2, n - 1)) break;
      if (cellLines.length >= Math.min(2, n - 1) && isCategoryLine(j, k + 1)) break;
      if (cellLines.length >= n) {
        // Past the row's width: wrapped lines only when the next number follows soon.
        let ahead = j;
        let seen = 0;
        while (ahead < lines.length && seen < 3) {
          if (!isBlank(lines[ahead] ?? '')) {
            if (serialOf(lines[ahead] ?? '') === k + 1) break;
            seen++;
          }
          ahead++;
        }
        if (ahead >= lines.length || serialOf(lines[ahead] ?? '') !== k + 1) break;
      }
      cellLines.push(line.trim());
      j++;
    }
    rows.push(cellLines);
    expected = k + 1;
    i = j;
  }
  if (rows.length < 2) return start;
  const stats = columnStats(rows.slice(1), header);
  blocks.push({
    kind: 'table',
    rows: rows.map((r, idx) => ({
      cells: reshapeRow(r, n, stats, idx > 0, idx === rows.length - 1).map((text) => ({
        text,
      })),
    })),
  });
  return i;
}

/**
 * Turns plain text (a .txt file, text pasted in the browser, an HTML page's text) into blocks,
 * recognising tables flattened into text: one tab-indented cell per line with blank lines
 * between rows ("\t1\n\t发放创业担保贷款8700万元。\n\t\n\t…"), cells separated by " | " or tabs
 * on one line, and one cell per line without indentation after a header of column words.
 * Every other non-blank line is a paragraph.
 */
export function textToSource(text: string, format: SourceFormat = 'txt'): SourceDocument {
  try {
    return { format, blocks: readBlocks(typeof text === 'string' ? text : '') };
  } catch {
    // Never fails an import: every non-blank line a paragraph.
    const lines = String(text ?? '').split(/\r?\n/);
    return {
      format,
      blocks: lines.filter((l) => l.trim()).map((l) => ({ kind: 'paragraph' as const, text: l.trim() })),
    };
  }
}

function readBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  // Hard-wrapped text (copied from a PDF) is joined back into paragraphs first.
  const lines = unwrapLines(
    (text ?? '')
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n'),
  );
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (TAB_CELL.test(line)) {
      const end = tabRegionEnd(lines, i);
      const region = lines.slice(i, end);
      const tabLines = region.filter((l) => TAB_CELL.test(l));
      const multi = tabLines.filter(
        (l) =>
          l
            .replace(TAB_CELL, '')
            .split('\t')
            .filter((c) => c.trim()).length >= 2,
      );
      if (multi.length >= Math.max(2, tabLines.length / 2)) {
        pushRowTable(
          region.filter((l) => !isBlank(l)).map((l) => splitRowLine(l.replace(TAB_CELL, ''))),
          blocks,
        );
      } else {
        const cells: string[] = [];
        for (const l of region) {
          if (TAB_CELL.test(l)) cells.push(l.replace(TAB_CELL, ''));
          else if (cells.length) cells[cells.length - 1] += `\n${l}`;
        }
        assembleRows(cells, blocks);
      }
      i = end;
      continue;
    }
    const cellsOnLine = splitRowLine(line);
    if ((PIPE_ROW.test(line) || line.includes('\t')) && cellsOnLine.length >= 2) {
      // Rows with their cells on one line, separated by " | " or tabs.
      const rowLines: string[][] = [];
      // Single tabs in the first row (a spreadsheet's copy): an empty cell is two tabs in a row.
      const singleTabs = !PIPE_ROW.test(line) && !/\t\s*\t/.test(line.trim());
      const width = cellsOnLine.length;
      const withLeadingBlank = (l: string, cs: string[]): string[] => {
        if (PIPE_ROW.test(l) || !l.includes('\t')) return cs;
        if (singleTabs) {
          const exact = l
            .replace(/^[ \u3000\u00a0]+|[ \u3000\u00a0\r]+$/g, '')
            .split('\t')
            .map((c) => c.trim());
          if (exact.length <= width) return exact;
        }
        return leadingBlank(l, cs);
      };
      let j = i;
      while (j < lines.length) {
        const l = lines[j] ?? '';
        if (isBlank(l)) break;
        const cs = splitRowLine(l);
        if ((PIPE_ROW.test(l) || l.includes('\t')) && cs.length >= 2) {
          if (!isSeparatorRow(cs)) rowLines.push(withLeadingBlank(l, cs));
        } else if (rowLines.length && isSectionHeading(l)) {
          // A category line inside the table: "一、就业和社会保障（３件）".
          rowLines.push([l.trim()]);
        } else if (rowLines.length) {
          // A wrapped line continues the last cell.
          const last = rowLines[rowLines.length - 1];
          if (last && last.length) last[last.length - 1] = `${last[last.length - 1] ?? ''}\n${l.trim()}`;
        }
        j++;
      }
      // Blank lines may separate rows: keep going while rows keep coming.
      while (j < lines.length) {
        let k = j;
        while (k < lines.length && isBlank(lines[k] ?? '')) k++;
        const l = lines[k] ?? '';
        const cs = splitRowLine(l);
        if (k < lines.length && (PIPE_ROW.test(l) || l.includes('\t')) && cs.length >= 2) {
          if (!isSeparatorRow(cs)) rowLines.push(withLeadingBlank(l, cs));
          j = k + 1;
        } else break;
      }
      if (rowLines.length >= 2) {
        pushRowTable(rowLines, blocks);
        i = j;
        continue;
      }
    }
    const csv = splitCsvLine(line);
    if (csv.length >= 3 && isHeaderRow(csv)) {
      // Comma-separated rows under a header of column words, with "…" quoting.
      const rowLines: string[][] = [csv];
      let j = i + 1;
      while (j < lines.length) {
        let l = lines[j] ?? '';
        if (isBlank(l)) {
          j++;
          continue;
        }
        // A quoted field with line breaks inside runs on over the following lines.
        while (openQuote(l) && j + 1 < lines.length) l += `\n${lines[++j] ?? ''}`;
        const cs = splitCsvLine(l);
        if (cs.length < 2 || serialOf(cs[0] ?? '') === null) {
          if (isSectionHeading(l)) {
            rowLines.push([l.trim()]);
            j++;
            continue;
          }
          break;
        }
        rowLines.push(cs);
        j++;
      }
      if (rowLines.length >= 2) {
        pushRowTable(rowLines, blocks);
        i = j;
        continue;
      }
    }
    const spaced = line.trim().split(SPACED);
    if (spaced.length >= 3 && isHeaderRow(spaced)) {
      // Columns aligned with runs of spaces, under a header of column words.
      const rowLines: string[][] = [spaced];
      let j = i + 1;
      while (j < lines.length) {
        const l = lines[j] ?? '';
        if (isBlank(l)) {
          let k = j;
          while (k < lines.length && isBlank(lines[k] ?? '')) k++;
          if (k < lines.length && (lines[k] ?? '').trim().split(SPACED).length >= 2) {
            j = k;
            continue;
          }
          break;
        }
        const cs = l.trim().split(SPACED);
        if (cs.length >= 2) rowLines.push(cs);
        else if (isSectionHeading(l)) rowLines.push([l.trim()]);
        else break;
        j++;
      }
      if (rowLines.length >= 2) {
        pushRowTable(rowLines, blocks);
        i = j;
        continue;
      }
    }
    const after = tryPlainCellTable(lines, i, blocks);
    if (after > i) {
      i = after;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line.trim() });
    i++;
  }
  return blocks;
}

/** Whether a CSV line ends inside a quoted field (an odd number of quote marks). */
function openQuote(line: string): boolean {
  return ((line.match(/"/g) ?? []).length & 1) === 1;
}

/** 1,就业,"城镇新增就业4.5万人,农村…",市人社局 → its fields; "" inside quotes is one ". */
function splitCsvLine(line: string): string[] {
  if (!line.includes(',')) return [line];
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k] ?? '';
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') quoted = true;
    else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/** A tab-separated row that starts with a tab has a blank first cell ("\t零工市场\t…" under 类别). */
function leadingBlank(line: string, cells: string[]): string[] {
  return /^[ \u3000\u00a0]*\t/.test(line) && !PIPE_ROW.test(line) ? ['', ...cells] : cells;
}

function pushRowTable(rows: string[][], blocks: SourceBlock[]): void {
  // Lines before the header row are captions.
  const h = rows.findIndex((r) => isHeaderRow(r));
  const start = h > 0 ? h : 0;
  for (const r of rows.slice(0, start)) blocks.push({ kind: 'paragraph', text: r.join(' ') });
  // A blank first cell is kept only where the row is otherwise a cell short (indented rows).
  const width = rows[start]?.length ?? 0;
  const fit = (r: string[]): string[] => (r[0] === '' && r.length > width ? r.slice(1) : r);
  blocks.push({
    kind: 'table',
    rows: rows.slice(start).map((r) => ({ cells: fit(r).map((text) => ({ text })) })),
  });
}
