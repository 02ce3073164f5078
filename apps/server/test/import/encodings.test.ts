import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readers';
import { SEED_FILES, seedPath } from './render-seeds';

const ENCODINGS: [string, (text: string) => Uint8Array][] = [
  ['GB18030', (text) => new Uint8Array(iconv.encode(text, 'gb18030'))],
  ['UTF-8 with BOM', (text) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
  ['UTF-16 LE with BOM', (text) => new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }))],
  ['UTF-16 BE with BOM', (text) => new Uint8Array(iconv.encode(text, 'utf-16be', { addBOM: true }))],
  ['UTF-8 with CRLF line ends', (text) => new TextEncoder().encode(text.replace(/\n/g, '\r\n'))],
];

describe('text seeds read identically in every encoding', () => {
  for (const file of SEED_FILES) {
    const utf8 = new Uint8Array(readFileSync(seedPath(file)));
    const text = new TextDecoder().decode(utf8);
    it.each(ENCODINGS)(`${file} as %s`, async (_name, encode) => {
      const expected = await readDocument(utf8, file);
      const actual = await readDocument(encode(text), file);
      expect(actual).toEqual(expected);
    });
  }

  it('reads a GBK page as HTML', async () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>一、就业创业</p></body></html>';
    const source = await readDocument(new Uint8Array(iconv.encode(html, 'gbk')), 'page.htm');
    expect(source.format).toBe('html');
    expect(JSON.stringify(source.blocks)).toContain('一、就业创业');
  });
});
