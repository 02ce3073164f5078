import { Inflate } from 'fflate';
import { DocumentReadError } from '../readers/read-error';
import { DEFAULT_UPLOAD_LIMITS, formatBytes, type UploadLimits } from './limits';

/** One entry of a zip's central directory, as declared (sizes may lie; inflating checks them). */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

function corrupt(what: string, why: string): DocumentReadError {
  return new DocumentReadError(
    'CORRUPT_DOCUMENT',
    `${what}已损坏（${why}）`,
    `the ${whatEn(what)} is damaged (${why})`,
  );
}

function whatEn(what: string): string {
  if (what.includes('Word')) return 'Word file';
  if (what.includes('Excel')) return 'Excel file';
  return 'zip file';
}

function bomb(why: string): DocumentReadError {
  return new DocumentReadError(
    'ZIP_BOMB',
    `压缩包解压后过大，已拒绝（${why}）`,
    `the archive inflates too much, refused (${why})`,
  );
}

/** True when the bytes start like a zip archive (a .docx or .xlsx). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/**
 * Reads the central directory without inflating anything and refuses what we will not open:
 * zip bombs (declared total or ratio too high), too many entries, encrypted entries, zip64,
 * unknown compression methods and broken directories. `what` names the file in messages
 * ("Word 文件", "Excel 文件").
 */
export function inspectZip(
  bytes: Uint8Array,
  what = '压缩文件',
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt(what, '找不到压缩目录 / no central directory');
  const totalEntries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (totalEntries === 0xffff || directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK) {
    throw corrupt(what, '不支持 ZIP64 / zip64 is not supported');
  }
  if (totalEntries > limits.maxEntries) {
    throw bomb(`${totalEntries} 个条目 / ${totalEntries} entries > ${limits.maxEntries}`);
  }
  if (directoryOffset + directorySize > eocd) throw corrupt(what, '压缩目录越界 / directory out of bounds');

  const entries: ZipEntry[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < totalEntries; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw corrupt(what, '压缩目录不完整 / truncated directory');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder().decode(nameBytes);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw corrupt(what, '文件已加密 / the file is encrypted');
    if (method !== 0 && method !== 8)
      throw corrupt(what, `压缩方式 ${method} / compression method ${method}`);
    if (
      compressedSize === ZIP64_MARK ||
      uncompressedSize === ZIP64_MARK ||
      localHeaderOffset === ZIP64_MARK
    ) {
      throw corrupt(what, '不支持 ZIP64 / zip64 is not supported');
    }
    if (localHeaderOffset + 30 > bytes.length || localHeaderOffset + compressedSize > bytes.length) {
      throw corrupt(what, '条目越界 / entry out of bounds');
    }
    if (uncompressedSize > limits.maxEntryBytes) {
      throw bomb(`${name} ${formatBytes(uncompressedSize)}`);
    }
    if (
      uncompressedSize > limits.ratioFloorBytes &&
      uncompressedSize > compressedSize * limits.maxCompressionRatio
    ) {
      const ratio = Math.round(uncompressedSize / Math.max(1, compressedSize));
      throw bomb(`${name} 压缩比 ${ratio}:1 / ratio ${ratio}:1`);
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw bomb(`合计超过 / total over ${formatBytes(limits.maxUncompressedBytes)}`);
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/**
 * Inflates one entry, counting the bytes as they come out: an entry that inflates past its
 * declared size (a lying directory) or past the per-entry limit is refused as a zip bomb
 * before the memory is spent.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  what = '压缩文件',
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== LOCAL_SIGNATURE)
    throw corrupt(what, `${entry.name} 头部错误 / bad local header`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(what, `${entry.name} 数据不完整 / truncated entry`);
  const data = bytes.subarray(start, end);
  const cap = Math.min(entry.uncompressedSize, limits.maxEntryBytes);

  if (entry.method === 0) {
    if (data.length > cap) throw bomb(`${entry.name}`);
    return data;
  }

  const output = new Uint8Array(cap);
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    if (produced + chunk.length > cap) {
      overflow = true;
      return;
    }
    output.set(chunk, produced);
    produced += chunk.length;
  });
  const step = 16 * 1024;
  try {
    for (let offset = 0; offset < data.length && !overflow; offset += step) {
      const last = offset + step >= data.length;
      inflater.push(data.subarray(offset, Math.min(offset + step, data.length)), last);
    }
  } catch {
    throw corrupt(what, `${entry.name} 无法解压 / cannot inflate`);
  }
  if (overflow) throw bomb(`${entry.name} 超过声明大小 / larger than declared`);
  if (produced !== entry.uncompressedSize) throw corrupt(what, `${entry.name} 大小不符 / size mismatch`);
  return output;
}

/** Opens a guarded zip: checks the directory, then inflates only the entries asked for. */
export function openZip(bytes: Uint8Array, what = '压缩文件', limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {
  const entries = inspectZip(bytes, what, limits);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  let inflatedTotal = 0;
  return {
    entries,
    has: (name: string): boolean => byName.has(name),
    read(name: string): Uint8Array | null {
      const entry = byName.get(name);
      if (!entry) return null;
      const data = inflateEntry(bytes, entry, what, limits);
      inflatedTotal += data.length;
      if (inflatedTotal > limits.maxUncompressedBytes) {
        throw bomb(`合计超过 / total over ${formatBytes(limits.maxUncompressedBytes)}`);
      }
      return data;
    },
  };
}

export type GuardedZip = ReturnType<typeof openZip>;
