import type { SourceDocument } from '@minsheng/core';

/**
 * Reads an uploaded or local file into the core's source model, choosing the reader from
 * the bytes (sniffed), not the name alone. Throws an AppError-style error with a stable code
 * (UNSUPPORTED_FILE_TYPE, FILE_TOO_LARGE, FILE_EMPTY, ZIP_BOMB, CORRUPT_DOCUMENT …) on bad input.
 */
export async function readDocument(_bytes: Uint8Array, _fileName: string): Promise<SourceDocument> {
  throw new Error('not implemented');
}
