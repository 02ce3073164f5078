/**
 * What an uploaded or imported document may cost us. The same limits apply to the HTTP upload
 * and to `minsheng import`, so a file that imports on the command line also uploads.
 */
export interface UploadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total of all entries of a .docx / .xlsx once inflated, in bytes. */
  maxUncompressedBytes: number;
  /** Largest single inflated entry, in bytes. */
  maxEntryBytes: number;
  /** Most entries a .docx / .xlsx may hold (Word writes ~15, Excel a few dozen). */
  maxEntries: number;
  /** Highest inflated ÷ compressed ratio for an entry larger than {@link ratioFloorBytes}. */
  maxCompressionRatio: number;
  /** Entries smaller than this are never refused for their ratio (XML of blank cells packs well). */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxFileBytes: 20 * MiB,
  maxUncompressedBytes: 100 * MiB,
  maxEntryBytes: 64 * MiB,
  maxEntries: 2000,
  maxCompressionRatio: 100,
  ratioFloorBytes: 1 * MiB,
});

/** Formats a byte count for messages: 20971520 → "20 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} B`;
}
