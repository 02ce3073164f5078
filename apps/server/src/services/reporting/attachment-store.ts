/**
 * Where attachment bytes live: on disk under MINSHENG_DATA_DIR/uploads by default,
 * content-addressed by SHA-256 (the same photo twice is stored once). An S3-compatible store
 * plugs in through the same interface (not written yet).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDocumentReadError } from '../../readers/read-error';
import { inspectZip, looksLikeZip } from '../../uploads/zip-guard';
import { AppError } from '../../errors/app-error';

export interface AttachmentStore {
  /** Stores the bytes; returns the storage key. */
  put(sha256: string, bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array>;
}

export function createDiskStore(dir: string): AttachmentStore {
  const file = (key: string) => {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new AppError('ATTACHMENT_NOT_FOUND');
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    async put(sha256, bytes) {
      const target = file(sha256);
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.access(target);
        return sha256; // already there: content-addressed
      } catch {
        // write below
      }
      const tmp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
      const handle = await fs.open(tmp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync(); // the row that names it commits after this: the file must survive a crash
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, target);
      return sha256;
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(file(key)));
      } catch {
        throw new AppError('ATTACHMENT_NOT_FOUND');
      }
    },
  };
}

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const media = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The media type from the bytes, never the name: photos (JPEG, PNG), PDF, Word and Excel files
 * (zips holding word/document.xml or xl/workbook.xml, checked by the zip-bomb guard). Anything
 * else is refused with UNSUPPORTED_FILE_TYPE.
 */
export function sniffAttachment(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('FILE_TOO_LARGE');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return media.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return media.png;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return media.pdf;
  if (looksLikeZip(bytes)) {
    try {
      const names = new Set(inspectZip(bytes, 'Office 文件').map((e) => e.name));
      if (names.has('word/document.xml')) return media.docx;
      if (names.has('xl/workbook.xml')) return media.xlsx;
    } catch (error) {
      if (isDocumentReadError(error))
        throw new AppError(error.code, { zh: error.messageZh, en: error.messageEn });
      throw error;
    }
  }
  throw new AppError('UNSUPPORTED_FILE_TYPE', {
    zh: '附件只支持照片（JPEG、PNG）、PDF、Word（.docx）和 Excel（.xlsx）文件',
    en: 'Attachments may be photos (JPEG, PNG), PDF, Word (.docx) or Excel (.xlsx) files',
  });
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
