import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from './limits';
import { inflateEntry, inspectZip, openZip } from './zip-guard';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/** Rewrites the declared uncompressed size of every entry (central directory and local headers). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
  }
  return bytes;
}

describe('zip guard', () => {
  it('lists entries and inflates the one asked for', () => {
    const zip = zipSync({
      'word/document.xml': new TextEncoder().encode('<w:document/>'),
      'a.txt': new Uint8Array(10),
    });
    const opened = openZip(zip);
    expect(opened.entries.map((entry) => entry.name).sort()).toEqual(['a.txt', 'word/document.xml']);
    expect(new TextDecoder().decode(opened.read('word/document.xml') ?? new Uint8Array())).toBe(
      '<w:document/>',
    );
  });

  it('refuses a high-ratio entry from the directory alone', () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(codeOf(() => inspectZip(zip))).toBe('ZIP_BOMB');
  });

  it('refuses a total over the limit and too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`f${i}`] = new Uint8Array(8);
    const zip = zipSync(files);
    expect(codeOf(() => inspectZip(zip, 'Word 文件', { ...DEFAULT_UPLOAD_LIMITS, maxEntries: 10 }))).toBe(
      'ZIP_BOMB',
    );
    expect(
      codeOf(() => inspectZip(zip, 'Word 文件', { ...DEFAULT_UPLOAD_LIMITS, maxUncompressedBytes: 100 })),
    ).toBe('ZIP_BOMB');
  });

  it('catches a directory that lies about sizes while inflating', () => {
    const zip = lieAboutSizes(
      zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 }),
      1000,
    );
    const entries = inspectZip(zip);
    const entry = entries[0];
    expect(entry?.uncompressedSize).toBe(1000);
    if (!entry) return;
    expect(codeOf(() => inflateEntry(zip, entry))).toBe('ZIP_BOMB');
  });

  it('calls truncated, encrypted and non-deflate zips corrupt', () => {
    const zip = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>'.repeat(100)) });
    expect(codeOf(() => inspectZip(zip.subarray(0, zip.length - 30)))).toBe('CORRUPT_DOCUMENT');
    const encrypted = zip.slice();
    const view = new DataView(encrypted.buffer);
    for (let at = 0; at + 4 <= encrypted.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, 1, true);
    }
    expect(codeOf(() => inspectZip(encrypted))).toBe('CORRUPT_DOCUMENT');
    const damaged = zip.slice();
    damaged.fill(0xff, 40, 60); // inside the deflate stream
    const opened = openZip(damaged);
    expect(['CORRUPT_DOCUMENT', 'ZIP_BOMB']).toContain(codeOf(() => opened.read('word/document.xml')));
  });
});
