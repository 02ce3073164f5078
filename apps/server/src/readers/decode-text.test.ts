import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

const TEXT = '吉林省人民政府关于２０１７年民生实事的安排意见\n一、就业创业方面（３项）\n';

describe('decodeText', () => {
  it.each([
    ['utf-8', new TextEncoder().encode(TEXT)],
    ['utf-8', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
    ['utf-16le', new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true }))],
    ['utf-16be', new Uint8Array(iconv.encode(TEXT, 'utf-16be', { addBOM: true }))],
    ['utf-16le', new Uint8Array(iconv.encode('序号 1 2 3 ABC abc 12345', 'utf-16le'))],
    ['gb18030', new Uint8Array(iconv.encode(TEXT, 'gbk'))],
    ['gb18030', new Uint8Array(iconv.encode(TEXT, 'gb18030'))],
  ])('decodes %s', (encoding, bytes) => {
    const decoded = decodeText(bytes);
    expect(decoded?.encoding).toBe(encoding);
    if (encoding !== 'utf-16le' || bytes[0] === 0xff) expect(decoded?.text).toBe(TEXT);
  });

  it('refuses binary: NUL bytes, control characters', () => {
    expect(
      decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    ).toBeNull();
    expect(
      decodeText(new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 7919) % 31 || 1))),
    ).toBeNull();
  });
});
