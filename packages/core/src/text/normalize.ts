/**
 * Text normalisation shared by the importer: full-width digits and letters to half-width,
 * layout white space removed, Chinese numerals read.
 */

/** "２０１７年４Ｇ" → "2017年4G": full-width digits and letters (and the ideographic space) become half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const ASCII_WORD = /[A-Za-z0-9]/;
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ\u3000]/;
const SPACE = /[\s\u00a0\u200b\ufeff]/;
const SPACES = /[\s\u00a0\u200b\ufeff]+/g;

/**
 * A cell's or sentence's words without line breaks and layout white space, half-width digits:
 * "市食药\n监局" → "市食药监局", "开展 “远程教育" → "开展“远程教育". White space between two
 * Latin words or numbers is kept as one space ("All Rights").
 */
export function compactText(s: string): string {
  if (!s) return '';
  const cached = COMPACT_CACHE.get(s);
  if (cached !== undefined) return cached;
  const out = compactUncached(s);
  // The importer compacts the same cells many times; a small cache keeps that cheap.
  if (COMPACT_CACHE.size > 20000) COMPACT_CACHE.clear();
  COMPACT_CACHE.set(s, out);
  return out;
}

const COMPACT_CACHE = new Map<string, string>();

function compactUncached(s: string): string {
  let t = s.includes('[bookmark:') ? s.replace(/\[bookmark:[^\]]*\]/g, '') : s;
  if (FULL_WIDTH.test(t)) t = toHalfWidth(t);
  if (!SPACE.test(t)) return t;
  return t.replace(SPACES, (run: string, offset: number, whole: string) => {
    const prev = whole[offset - 1] ?? '';
    const next = whole[offset + run.length] ?? '';
    return offset > 0 && ASCII_WORD.test(prev) && ASCII_WORD.test(next) ? ' ' : '';
  });
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "二十八" → 28, "十" → 10, "一百零五" → 105, "28" → 28; null when it is not a number. */
export function parseChineseNumber(s: string): number | null {
  const t = toHalfWidth(s.trim());
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(t)) return null;
  let total = 0;
  let current = 0;
  let seenUnit = false;
  for (const ch of t) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      current = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    total += (current === 0 && !seenUnit && unit === 10 ? 1 : current) * unit;
    current = 0;
    seenUnit = true;
  }
  total += current;
  // "二〇一七" read digit by digit.
  if (!/[十百千]/.test(t)) {
    let v = 0;
    for (const ch of t) v = v * 10 + (DIGITS[ch] ?? 0);
    return v;
  }
  return total;
}

/** Circled numbers ① … ⑳ → 1 … 20. */
export function parseCircledNumber(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return null;
}

/** Full-width brackets for unit names: "各县(市)区" → "各县（市）区". */
export function fullWidthBrackets(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}
