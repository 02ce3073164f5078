import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes the bytes of a text or HTML file: a BOM wins (UTF-8, UTF-16 LE/BE); otherwise UTF-8 if
 * the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, what Chinese Windows
 * writes). `declared` (from an HTML <meta charset>) is preferred when it names a Chinese charset.
 * Returns null when the bytes are not text (NUL bytes, control characters, undecodable runs).
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return checked(decodeUtf16(bytes.subarray(2), 'le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return checked(decodeUtf16(bytes.subarray(2), 'be'), 'utf-16be');
  const bomless = sniffBomlessUtf16(bytes);
  if (bomless) return checked(decodeUtf16(bytes, bomless), bomless === 'le' ? 'utf-16le' : 'utf-16be');

  if (bytes.includes(0)) return null;
  const chinese = declared != null && /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/i.test(declared.trim());
  if (!chinese) {
    try {
      return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
    } catch {
      // Not UTF-8: fall through to GB18030.
    }
  }
  return checked(
    iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'),
    'gb18030',
  );
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(even);
}

/** UTF-16 without a BOM: most ASCII-range characters leave a NUL in every other byte. */
function sniffBomlessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return 'le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return 'be';
  return null;
}

/** Refuses text that is really binary: replacement characters or control characters above 1 %. */
function checked(text: string, encoding: TextEncodingName): DecodedText | null {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code === 0xfffd ||
      code === 0 ||
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)
    ) {
      bad++;
    }
  }
  if (bad > Math.max(2, text.length * 0.01)) return null;
  return { text, encoding };
}
