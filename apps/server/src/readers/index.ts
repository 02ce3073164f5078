import { buildPlanDocument, type ImportHints, type PlanDocument, type SourceDocument } from '@minsheng/core';
import { DEFAULT_UPLOAD_LIMITS, formatBytes, type UploadLimits } from '../uploads/limits';
import { inspectZip, looksLikeZip } from '../uploads/zip-guard';
import { decodeText } from './decode-text';
import { readDocx } from './docx-reader';
import { readHtml } from './html-reader';
import { DocumentReadError } from './read-error';
import { readTxt } from './txt-reader';

export { DocumentReadError, isDocumentReadError, type DocumentReadErrorCode } from './read-error';

export type DocumentType = 'docx' | 'xlsx' | 'html' | 'txt';

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function unsupported(zh: string, en: string): DocumentReadError {
  return new DocumentReadError('UNSUPPORTED_FILE_TYPE', zh, en);
}

/**
 * Binary formats people upload by mistake, each with a message that says what it is. (BMP's "BM"
 * is left to the NUL-byte check: a text may well start with those letters.)
 */
function refuseKnownBinary(bytes: Uint8Array): void {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw unsupported(
      '暂不支持 PDF 文件，请上传 Word、Excel、网页或文本文件',
      'PDF is not supported yet; upload a Word, Excel, HTML or text file',
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw unsupported(
      '不支持旧版 .doc / .xls 文件，请另存为 .docx / .xlsx',
      'legacy .doc / .xls files are not supported; save as .docx / .xlsx',
    );
  }
  const images: number[][] = [
    [0x89, 0x50, 0x4e, 0x47],
    [0xff, 0xd8, 0xff],
    [0x47, 0x49, 0x46, 0x38],
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ];
  if (
    images.some((signature) => startsWith(bytes, signature)) ||
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50]))
  ) {
    throw unsupported('不支持图片文件', 'image files are not supported');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw unsupported('不支持 RTF 文件，请另存为 .docx', 'RTF is not supported; save as .docx');
  }
}

function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 1024)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return (
    /^(<!doctype html|<html|<head|<body|<table|<meta|<\?xml[^>]*>\s*<html|<!--)/.test(head) &&
    /<(html|body|table|p|div)\b/.test(text.slice(0, 65536).toLowerCase())
  );
}

/**
 * Tells the type of a document from its bytes, not its name: a zip holding word/document.xml is
 * a .docx, one holding xl/workbook.xml an .xlsx; markup near the start is HTML; decodable text is
 * text. PDF, images, legacy Office files and other binaries are refused (UNSUPPORTED_FILE_TYPE);
 * a .docx / .xlsx name on something that is not a zip is CORRUPT_DOCUMENT.
 */
export function sniffDocumentType(
  bytes: Uint8Array,
  fileName: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): DocumentType {
  if (bytes.length === 0) throw new DocumentReadError('FILE_EMPTY', '文件为空', 'the file is empty');
  if (bytes.length > limits.maxFileBytes) {
    throw new DocumentReadError(
      'FILE_TOO_LARGE',
      `文件超过 ${formatBytes(limits.maxFileBytes)} 上限`,
      `the file is larger than the ${formatBytes(limits.maxFileBytes)} limit`,
    );
  }
  const extension = extensionOf(fileName);
  const what = extension === 'xlsx' ? 'Excel 文件' : extension === 'docx' ? 'Word 文件' : '压缩文件';
  if (looksLikeZip(bytes)) {
    const names = [...inspectZip(bytes, what, limits)].map((entry) => entry.name);
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    // A package whose main part has another name (named by _rels/.rels).
    if (names.includes('_rels/.rels') && names.some((name) => /^word\/[^/]+\.xml$/.test(name))) return 'docx';
    if (extension === 'docx')
      throw new DocumentReadError('CORRUPT_DOCUMENT', '不是有效的 Word 文件', 'not a valid Word file');
    if (extension === 'xlsx')
      throw new DocumentReadError('CORRUPT_DOCUMENT', '不是有效的 Excel 文件', 'not a valid Excel file');
    throw unsupported(
      '不支持的压缩文件（不是 Word 或 Excel 文档）',
      'unsupported archive (not a Word or Excel document)',
    );
  }
  refuseKnownBinary(bytes);
  if (extension === 'docx' || extension === 'docm') {
    throw new DocumentReadError('CORRUPT_DOCUMENT', '不是有效的 Word 文件', 'not a valid Word file');
  }
  if (extension === 'xlsx' || extension === 'xlsm') {
    throw new DocumentReadError('CORRUPT_DOCUMENT', '不是有效的 Excel 文件', 'not a valid Excel file');
  }
  const decoded = decodeText(bytes);
  if (!decoded) throw unsupported('无法识别的文件类型（不是文本）', 'unsupported file type (not text)');
  if (
    looksLikeHtml(decoded.text) ||
    ((extension === 'html' || extension === 'htm') && /<[a-z!]/i.test(decoded.text))
  )
    return 'html';
  return 'txt';
}

/**
 * Reads an uploaded or local file into the core's source model, choosing the reader from
 * the bytes (sniffed), not the name alone. Throws a {@link DocumentReadError} with a stable code
 * (FILE_EMPTY, FILE_TOO_LARGE, UNSUPPORTED_FILE_TYPE, CORRUPT_DOCUMENT, ZIP_BOMB) on bad input.
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<SourceDocument> {
  const type = sniffDocumentType(bytes, fileName, limits);
  switch (type) {
    case 'docx':
      return readDocx(bytes, limits);
    case 'xlsx':
      // exceljs is heavy to load: only when an .xlsx arrives.
      return (await import('./xlsx-reader')).readXlsx(bytes, limits);
    case 'html':
      return readHtml(bytes);
    case 'txt':
      return readTxt(bytes);
  }
}

/**
 * Reads a file and builds its plan document: what `minsheng import` prints and the upload
 * service stores. Throws NO_TASKS_FOUND when the document holds no task the importer recognises.
 */
export async function importDocument(
  bytes: Uint8Array,
  fileName: string,
  hints: ImportHints = {},
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<PlanDocument> {
  const source = await readDocument(bytes, fileName, limits);
  const plan = buildPlanDocument(source, hints);
  if (plan.tasks.length === 0) {
    throw new DocumentReadError(
      'NO_TASKS_FOUND',
      '文件中没有找到民生实事任务',
      'no tasks found in the document',
    );
  }
  return plan;
}
