import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from '../uploads/limits';
import { importDocument, readDocument, sniffDocumentType } from './index';

const DOCUMENT = (body: string): Uint8Array =>
  strToU8(
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('sniffDocumentType', () => {
  it.each([
    ['a docx', zipSync({ 'word/document.xml': DOCUMENT('') }), 'x.bin', 'docx'],
    ['an xlsx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'x', 'xlsx'],
    ['html by its doctype', strToU8('<!DOCTYPE html><html><body><p>a</p></body></html>'), 'x.txt', 'html'],
    ['html by a leading table', strToU8('<table><tr><td>1</td></tr></table>'), 'x', 'html'],
    ['html by name with markup', strToU8('<p>一、就业</p>'), 'page.htm', 'html'],
    ['text', strToU8('一、就业创业方面（３项）'), 'x.html', 'txt'],
    ['text starting like a BMP header', strToU8('BM 市民服务中心：1、新建公厕'), 'x.txt', 'txt'],
  ])('tells %s', (_name, bytes, fileName, type) => {
    expect(sniffDocumentType(bytes, fileName)).toBe(type);
  });

  it.each([
    ['empty', new Uint8Array(), 'x.txt', 'FILE_EMPTY'],
    ['a PDF', strToU8('%PDF-1.7\n'), 'x.pdf', 'UNSUPPORTED_FILE_TYPE'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), 'x.docx', 'UNSUPPORTED_FILE_TYPE'],
    [
      'a legacy .doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'x.doc',
      'UNSUPPORTED_FILE_TYPE',
    ],
    ['an exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), 'x.exe', 'UNSUPPORTED_FILE_TYPE'],
    ['text named .docx', strToU8('不是 Word'), 'x.docx', 'CORRUPT_DOCUMENT'],
    ['text named .xlsx', strToU8('不是 Excel'), 'x.xlsx', 'CORRUPT_DOCUMENT'],
    ['a zip of something else', zipSync({ 'a.txt': strToU8('a') }), 'x.zip', 'UNSUPPORTED_FILE_TYPE'],
  ])('refuses %s', (_name, bytes, fileName, code) => {
    expect(codeOf(() => sniffDocumentType(bytes, fileName))).toBe(code);
  });

  it('refuses a file over the size limit before looking inside', () => {
    const limits = { ...DEFAULT_UPLOAD_LIMITS, maxFileBytes: 10 };
    expect(codeOf(() => sniffDocumentType(strToU8('一、就业创业方面'), 'x.txt', limits))).toBe(
      'FILE_TOO_LARGE',
    );
  });
});

describe('readDocument', () => {
  it('finds a main document part named by _rels/.rels', async () => {
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/>' +
      '</Relationships>';
    const bytes = zipSync({
      '_rels/.rels': strToU8(rels),
      'word/document2.xml': DOCUMENT('<w:p><w:r><w:t>附件</w:t></w:r></w:p>'),
    });
    const source = await readDocument(bytes, 'plan.docx');
    expect(source).toEqual({ format: 'docx', blocks: [{ kind: 'paragraph', text: '附件' }] });
  });

  it('importDocument refuses a document without tasks', async () => {
    await expect(importDocument(strToU8('今天天气很好。'), 'x.txt')).rejects.toMatchObject({
      code: 'NO_TASKS_FOUND',
    });
  });
});
