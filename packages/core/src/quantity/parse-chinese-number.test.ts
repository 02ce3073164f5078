import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber, scaleDecimal, toHalfWidth } from './parse-chinese-number';

/** n as an official writes it in Chinese numerals: 10005 → 一万零五, 100000 → 十万. */
function toChineseNumeral(n: number): string {
  if (n === 0) return '零';
  const digits = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  const section = (x: number): string => {
    let s = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(x / 10 ** i) % 10;
      if (d === 0) {
        if (s) zero = true;
        continue;
      }
      if (zero) s += '零';
      zero = false;
      s += `${digits[d] ?? ''}${units[i] ?? ''}`;
    }
    return s;
  };
  const groups = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  const bigs = ['亿', '万', ''];
  let out = '';
  let gap = false;
  groups.forEach((g, i) => {
    if (g === 0) {
      if (out) gap = true;
      return;
    }
    if (out && (gap || g < 1000)) out += '零';
    gap = false;
    out += section(g) + (bigs[i] ?? '');
  });
  return out.replace(/^一十/, '十');
}

const toFullWidth = (s: string): string =>
  s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('parseChineseNumber', () => {
  it.each([
    ['1.06万', 10600],
    ['0.5万', 5000],
    ['８７００万', 87000000],
    ['1.2亿', 120000000],
    ['11.5万', 115000],
    ['１１.２万', 112000],
    ['17亿', 1700000000],
    ['0.65亿', 65000000],
    ['5026', 5026],
    ['1,208', 1208],
    ['五十', 50],
    ['一百二十', 120],
    ['两', 2],
    ['十七', 17],
    ['十四', 14],
    ['三千五百', 3500],
    ['三千五', 3500],
    ['一万零五', 10005],
    ['二〇一七', 2017],
    ['〇', 0],
    ['零', 0],
    ['七', 7],
    ['二十八', 28],
    ['三点五', 3.5],
    ['百分之二十', 0.2],
  ])('%s → %d', (text, expected) => {
    expect(parseChineseNumber(text)).toBe(expected);
  });

  it('reads fractions', () => {
    expect(parseChineseNumber('三分之一')).toBeCloseTo(1 / 3, 10);
    expect(parseChineseNumber('四分之三')).toBe(0.75);
  });

  it.each(['', '万', '千米', '帮', 'abc'])('%s is not a number', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });

  it('keeps indices when widening is undone', () => {
    expect(toHalfWidth('就业５０万人，援助率１００％')).toBe('就业50万人，援助率100%');
    expect(toHalfWidth('１００兆／秒').length).toBe('１００兆／秒'.length);
  });

  it('scales decimals exactly', () => {
    expect(scaleDecimal('1.06', 4)).toBe(10600);
    expect(scaleDecimal('0.65', 8)).toBe(65000000);
    expect(scaleDecimal('12', -1)).toBe(1.2);
  });

  describe('properties', () => {
    const n = fc.integer({ min: 0, max: 10 ** 12 - 1 });

    it('round-trips Arabic digits', () => {
      fc.assert(fc.property(n, (x) => parseChineseNumber(String(x)) === x));
    });

    it('round-trips full-width digits', () => {
      fc.assert(fc.property(n, (x) => parseChineseNumber(toFullWidth(String(x))) === x));
    });

    it('round-trips Chinese numerals', () => {
      fc.assert(fc.property(n, (x) => parseChineseNumber(toChineseNumeral(x)) === x));
    });

    it('round-trips 万 and 亿 scaling of whole numbers', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10 ** 8 - 1 }), (x) => {
          return (
            parseChineseNumber(`${x}万`) === x * 1e4 &&
            parseChineseNumber(`${x % 10000}亿`) === (x % 10000) * 1e8
          );
        }),
      );
    });

    it('round-trips decimals with 万 ("1.06万")', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10 ** 8 }), (k) => {
          return parseChineseNumber(`${k / 100}万`) === k * 100;
        }),
      );
    });

    it('never throws', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
          const v = parseChineseNumber(s);
          return v === null || typeof v === 'number';
        }),
      );
    });
  });
});
