/**
 * Reads a multipart upload (field "file" and any form fields) for the routes that take files.
 * The size limit is the multipart plugin's; going over it is FILE_TOO_LARGE with the limit named.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { DEFAULT_UPLOAD_LIMITS, formatBytes } from '../uploads/limits';

/** The multipart file and its form fields; the size limit is the multipart plugin's. */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ fileName: string; bytes: Uint8Array; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', {
      zh: '请以 multipart/form-data 上传文件（字段 file）',
      en: 'Upload the file as multipart/form-data (field "file")',
    });
  }
  const part = await request.file();
  if (!part) throw new AppError('FILE_EMPTY');
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (error) {
    if (
      error instanceof Error &&
      /too large|FST_REQ_FILE_TOO_LARGE/i.test(`${error.message} ${(error as { code?: string }).code}`)
    ) {
      throw new AppError('FILE_TOO_LARGE', {
        zh: `文件超过 ${formatBytes(DEFAULT_UPLOAD_LIMITS.maxFileBytes)} 上限`,
        en: `The file is larger than the ${formatBytes(DEFAULT_UPLOAD_LIMITS.maxFileBytes)} limit`,
      });
    }
    throw error;
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field' && typeof field.value === 'string') fields[name] = field.value;
  }
  return {
    fileName: part.filename || 'upload',
    bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length),
    fields,
  };
}
