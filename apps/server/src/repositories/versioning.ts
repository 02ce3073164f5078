import { AppError } from '../errors/app-error';
import type { ErrorCode } from '@minsheng/contract';

/**
 * After an `UPDATE … WHERE id = $1 AND version = $2` changed no row: the row is gone (404) or
 * someone else wrote it first (409, with the version now current so the client can reload).
 */
export function staleOrMissing(currentVersion: number | undefined, notFound: ErrorCode): AppError {
  if (currentVersion === undefined) return new AppError(notFound);
  return new AppError('VERSION_CONFLICT', {
    details: [{ path: 'version', message: String(currentVersion) }],
  });
}

/** Postgres unique-violation (23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === 'object' && current !== null && 'code' in current && current.code === '23505')
      return true;
    current =
      typeof current === 'object' && current !== null && 'cause' in current ? current.cause : undefined;
  }
  return false;
}
