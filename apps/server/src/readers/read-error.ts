/**
 * Why a file could not be read as a 民生实事 document. The codes are stable: the HTTP layer maps
 * them to 4xx statuses and the command line prints `messageZh / messageEn` on one line.
 */
export type DocumentReadErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'CORRUPT_DOCUMENT'
  | 'ZIP_BOMB'
  | 'NO_TASKS_FOUND';

export class DocumentReadError extends Error {
  readonly code: DocumentReadErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(code: DocumentReadErrorCode, messageZh: string, messageEn: string, options?: ErrorOptions) {
    super(`${messageZh} / ${messageEn}`, options);
    this.name = 'DocumentReadError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

export function isDocumentReadError(error: unknown): error is DocumentReadError {
  return error instanceof DocumentReadError;
}
