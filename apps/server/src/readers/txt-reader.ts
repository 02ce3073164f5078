import { textToSource, type SourceDocument } from '@minsheng/core';
import { decodeText } from './decode-text';
import { DocumentReadError } from './read-error';

/** Reads a plain-text file (UTF-8 with or without BOM, UTF-16 with BOM, GBK / GB18030). */
export function readTxt(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes);
  if (!decoded) {
    throw new DocumentReadError(
      'UNSUPPORTED_FILE_TYPE',
      '无法识别的文件类型（不是文本）',
      'unsupported file type (not text)',
    );
  }
  return textToSource(decoded.text.replace(/\r\n?/g, '\n'), 'txt');
}
