import { errorCatalog, type ErrorCode } from '@minsheng/contract';

/**
 * The only error services throw. The code is stable and maps to an HTTP status in the
 * contract's catalogue; the error handler turns it into the JSON error body.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** A more specific message, zh-CN first; defaults to the catalogue's. */
    readonly detail?: { zh?: string; en?: string; details?: { path: string; message: string }[] },
  ) {
    super(detail?.en ?? errorCatalog[code].en);
    this.name = 'AppError';
    this.status = errorCatalog[code].status;
  }

  get messageZh(): string {
    return this.detail?.zh ?? errorCatalog[this.code].zh;
  }

  get messageEn(): string {
    return this.detail?.en ?? errorCatalog[this.code].en;
  }
}
