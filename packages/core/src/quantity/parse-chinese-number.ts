/**
 * Numbers as Chinese officials print them: Arabic or full-width digits, Chinese numerals,
 * 万/亿 scaling and fractions. Pure string arithmetic where it matters, so "1.06万" is
 * exactly 10600 and not 10600.000000000002.
 */

/** Full-width forms that are part of numbers and units; Chinese punctuation （，；） stays. */
const WIDE_NUMBER_CHARS = /[０-９Ａ-Ｚａ-ｚ．％／＋－～]/g;

/**
 * Full-width digits, letters and the signs of numbers (．％／＋－～) to half-width, one
 * UTF-16 unit for one, so every index into the result is an index into the input.
 * "城镇新增就业５０万人，援助率１００％" → "城镇新增就业50万人，援助率100%"
 */
export function toHalfWidth(text: string): string {
  return text.replace(WIDE_NUMBER_CHARS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';

/** Powers of ten of the scale words that may follow an Arabic number. */
export const SCALE_EXPONENTS: Readonly<Record<string, number>> = {
  万亿: 12,
  千亿: 11,
  百亿: 10,
  亿: 8,
  千万: 7,
  百万: 6,
  万: 4,
};

/**
 * A decimal string times 10^exponent, computed on the digits so no binary rounding creeps in.
 * ("1.06", 4) → 10600
 */
export function scaleDecimal(decimal: string, exponent: number): number {
  const clean = decimal.replace(/,/g, '');
  const [intPart = '0', fracPart = ''] = clean.split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  if (point <= 0) return Number(`0.${'0'.repeat(-point)}${digits}`);
  if (point >= digits.length) return Number(digits.padEnd(point, '0'));
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** An integer in Chinese numerals: "一百二十" → 120, "三千五百" → 3500, "二〇一七" → 2017. */
function parseChineseInteger(s: string): number | null {
  if (s.length === 0) return null;
  const chars = [...s];
  // Digit by digit, as in years: 二〇一七.
  if (chars.length > 1 && chars.every((c) => c in DIGITS)) {
    if (chars.includes('两')) return null;
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  // The unit just written, for the colloquial "三千五" = 3500, "一万五" = 15000.
  let lastUnit = 0;
  let sawZero = false;
  for (const c of chars) {
    const d = DIGITS[c];
    const small = SMALL_UNITS[c];
    const big = BIG_UNITS[c];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // "一二" inside a numeral
      if (d === 0) sawZero = true;
      digit = d;
    } else if (small !== undefined) {
      if (digit === 0) return null;
      section += (digit ?? 1) * small;
      digit = null;
      lastUnit = small;
      sawZero = false;
    } else if (big !== undefined) {
      section += digit ?? 0;
      if (section === 0 && total === 0) return null; // a bare 万 is not a number
      if (big === 1e8) total = (total + section) * 1e8;
      else total += section * 1e4;
      section = 0;
      digit = null;
      lastUnit = big;
      sawZero = false;
    } else {
      return null;
    }
  }
  if (digit !== null) {
    if (!sawZero && lastUnit >= 10) section += digit * (lastUnit / 10);
    else section += digit;
  }
  return total + section;
}

function parsePlainNumber(s: string): number | null {
  const arabic = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万亿|千亿|百亿|亿|千万|百万|万)?$/.exec(s);
  if (arabic) {
    const decimal = arabic[2] === undefined ? (arabic[1] ?? '') : `${arabic[1] ?? ''}.${arabic[2]}`;
    const scale = arabic[3] === undefined ? 0 : (SCALE_EXPONENTS[arabic[3]] ?? 0);
    return scaleDecimal(decimal, scale);
  }
  const dotted = /^([^点]+)点([零〇一二三四五六七八九]+)([万亿]?)$/.exec(s);
  if (dotted) {
    const whole = parseChineseInteger(dotted[1] ?? '');
    if (whole === null) return null;
    const frac = [...(dotted[2] ?? '')].map((c) => DIGITS[c] ?? 0).join('');
    const scale = dotted[3] === '亿' ? 8 : dotted[3] === '万' ? 4 : 0;
    return scaleDecimal(`${whole}.${frac}`, scale);
  }
  // Arabic digits with a Chinese scale tail: "3千5百" is rare, "5千万" is not.
  const mixed = /^(\d+(?:\.\d+)?)([千百十])$/.exec(s);
  if (mixed) {
    const exp = mixed[2] === '千' ? 3 : mixed[2] === '百' ? 2 : 1;
    return scaleDecimal(mixed[1] ?? '0', exp);
  }
  return parseChineseInteger(s);
}

/**
 * The value of a number written any way a Chinese document writes it; null when it is not one.
 * Fractions give their value (三分之一 → 0.333…), 百分之二十 → 0.2.
 *
 * "1.06万" → 10600, "８７００万" → 87000000, "1.2亿" → 120000000, "一百二十" → 120,
 * "两" → 2, "三千五百" → 3500, "二〇一七" → 2017, "三分之一" → 0.3333…
 */
export function parseChineseNumber(input: string): number | null {
  const s = toHalfWidth(input).trim().replace(/\s+/g, '');
  if (s.length === 0) return null;
  const percent = /^百分之(.+)$/.exec(s);
  if (percent) {
    const v = parsePlainNumber(percent[1] ?? '');
    return v === null ? null : v / 100;
  }
  const fraction = /^(.+)分之(.+)$/.exec(s);
  if (fraction) {
    const den = parsePlainNumber(fraction[1] ?? '');
    const num = parsePlainNumber(fraction[2] ?? '');
    if (den === null || num === null || den === 0) return null;
    return num / den;
  }
  return parsePlainNumber(s);
}
