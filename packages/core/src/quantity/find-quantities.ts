import type { Comparator } from '../model';
import {
  CHINESE_NUMERAL_CHARS,
  SCALE_EXPONENTS,
  parseChineseNumber,
  scaleDecimal,
  toHalfWidth,
} from './parse-chinese-number';
import type { UnitKind } from './units';
import { matchCountedNoun, matchUnit } from './units';

/** One number found in a text, with what the words around it say about it. */
export interface QuantityMatch {
  /** Span of the whole quantity in the text: number, 万/亿, unit, range end, 以上 … */
  start: number;
  end: number;
  /** Span of the (first) number itself, scale word included: "1.06万". */
  numberStart: number;
  numberEnd: number;
  /** End of the unit (= numberEnd when there is none; for a range, the high end's unit). */
  unitEnd: number;
  /** The quantity in its base unit: "8700万元" → 87000000. */
  value: number;
  /** High end of a range ("1500元至5000元" → 5000), else null. */
  valueMax: number | null;
  /** Measure word or unit with 万/亿 removed, or the noun counted ("5.5万农村居民" → "农村居民"). */
  unit: string | null;
  unitKind: UnitKind | null;
  comparator: Comparator;
  /** X of "由X提高到Y", on the Y match. */
  baseline: number | null;
  /** True on the X of "由X提高到Y": a starting point, not a quantity of its own. */
  isBaseline: boolean;
  numeral: 'arabic' | 'chinese';
  /** Preceded by 第 ("第十七届"). */
  ordinal: boolean;
  /** A fraction ("三分之一"): value is the percentage it makes (33.33…), unit "%". */
  fraction: boolean;
  /** Words after the unit that qualify it: "以上", "以下", "左右", or "". */
  suffix: string;
  /** The text of [start, end) as printed. */
  text: string;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]`;
const CN_DIGIT = /[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖]/;
const NUMBER_RE = new RegExp(
  `(百分之|千分之)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${CN}+(?:点[零〇一二三四五六七八九]+)?)(?:分之(\\d+(?:\\.\\d+)?|${CN}+))?`,
  'g',
);
const SCALE_RE = /^(万亿|千亿|百亿|亿|千万|百万|万)/;
const RANGE_SEPARATOR_RE = /^(至|到|~|-{1,2}|—{1,2}|–|－)/;
const SUFFIX_RE = /^(?:及|或)?(以上|以下|以内|之内|左右)/;
const PREFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['不短于', '>='],
  ['至少', '>='],
  ['最少', '>='],
  ['超过', '>='],
  ['多于', '>='],
  ['逾', '>='],
  ['高于', '>='],
  ['大于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['控制在', '<='],
  ['低于', '<='],
  ['少于', '<='],
  ['小于', '<='],
];
/** Comparators that reach over a few words: "不低于上年度人均可支配收入的20%". */
const CLAUSE_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['不少于', '>='],
  ['不低于', '>='],
  ['至少', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['控制在', '<='],
];
const CLAUSE_BREAK = /[，,；;。：:！？!?\n、]/;
const BASELINE_GAP_RE =
  /^(?:提高|增加|增长|提升|上调|扩大|降低|下降|减少|下调|调整|调高|压缩|缩短|延长|增|降|提)?(?:到|至|为)$/;
const BASELINE_LEAD_RE = /(?:由|从)(?:原来的?|原有的?|现行的?|现有的?|目前的?|过去的?)?[^，,；;。\d]{0,6}$/;

interface NumberToken {
  start: number;
  end: number;
  value: number;
  numeral: 'arabic' | 'chinese';
  /** Fractions and 百分之 already carry their unit: %. */
  percent: boolean;
  fraction: boolean;
  scaled: boolean;
}

interface Core {
  /** Power of ten of the 万/亿 written after an Arabic number, 0 when none. */
  exponent: number;
  numberStart: number;
  numberEnd: number;
  value: number;
  unit: string | null;
  unitKind: UnitKind | null;
  unitEnd: number;
  approx: boolean;
  numeral: 'arabic' | 'chinese';
  scaled: boolean;
}

function readNumberToken(t: string, m: RegExpExecArray): NumberToken | null {
  let start = m.index;
  const whole = m[0];
  const percentWord = m[1];
  let body = m[2] ?? '';
  const denominatorPart = m[3];
  const isArabic = /^\d/.test(body);
  if (!isArabic && percentWord === undefined && denominatorPart === undefined) {
    // Leading 万/亿/百/千 belong to words ("千米社区", "万家"), not to this number.
    const lead = /^[万亿百佰千仟]+/.exec(body);
    if (lead) {
      body = body.slice(lead[0].length);
      start += lead[0].length;
    }
    if (body.length === 0) return null;
    if (!CN_DIGIT.test(body) && !/^[十拾]/.test(body)) return null;
  }
  if (isArabic && /[A-Za-z]/.test(t.charAt(start - 1))) return null;
  const end = m.index + whole.length;
  if (percentWord !== undefined) {
    const v = parseChineseNumber(body);
    if (v === null) return null;
    return {
      start,
      end,
      value: percentWord === '千分之' ? v / 10 : v,
      numeral: isArabic ? 'arabic' : 'chinese',
      percent: true,
      fraction: false,
      scaled: false,
    };
  }
  if (denominatorPart !== undefined) {
    const v = parseChineseNumber(`${body}分之${denominatorPart}`);
    if (v === null) return null;
    return {
      start,
      end,
      value: v * 100,
      numeral: isArabic ? 'arabic' : 'chinese',
      percent: true,
      fraction: true,
      scaled: false,
    };
  }
  const v = parseChineseNumber(body);
  if (v === null || !Number.isFinite(v)) return null;
  return {
    start,
    end,
    value: v,
    numeral: isArabic ? 'arabic' : 'chinese',
    percent: false,
    fraction: false,
    scaled: !isArabic && /[万亿]/.test(body),
  };
}

/** Number, scale, 多/余 and unit starting at a number token. */
function readCore(t: string, tok: NumberToken): Core {
  let pos = tok.end;
  let value = tok.value;
  let scaled = tok.scaled;
  let approx = false;
  let numberEnd = tok.end;
  let exponent = 0;
  const applyScale = (): void => {
    const s = SCALE_RE.exec(t.slice(pos, pos + 2));
    if (!s || tok.percent) return;
    const exp = SCALE_EXPONENTS[s[1] ?? ''] ?? 0;
    exponent = exp;
    value =
      tok.numeral === 'arabic' && !approx
        ? scaleDecimal(t.slice(tok.start, tok.end), exp)
        : value * 10 ** exp;
    pos += (s[1] ?? '').length;
    numberEnd = pos;
    scaled = true;
  };
  if (tok.numeral === 'arabic') applyScale();
  const approxMatch = /^(多|余)/.exec(t.slice(pos, pos + 1));
  if (approxMatch && !tok.percent) {
    const after = pos + 1;
    if (SCALE_RE.test(t.slice(after, after + 2)) || matchUnit(t, after) !== null) {
      approx = true;
      pos = after;
      if (!scaled) applyScale();
    }
  }
  if (tok.percent) {
    return {
      exponent,
      numberStart: tok.start,
      numberEnd,
      value,
      unit: '%',
      unitKind: 'percent',
      unitEnd: pos,
      approx,
      numeral: tok.numeral,
      scaled,
    };
  }
  const rest = t.slice(pos, pos + 4);
  const pct = /^(%|‰|个百分点)/.exec(rest);
  if (pct) {
    const unit = pct[1] ?? '%';
    return {
      exponent,
      numberStart: tok.start,
      numberEnd,
      value,
      unit: unit === '个百分点' ? unit : unit,
      unitKind: unit === '个百分点' ? 'points' : 'percent',
      unitEnd: pos + unit.length,
      approx,
      numeral: tok.numeral,
      scaled,
    };
  }
  const unit = matchUnit(t, pos);
  if (unit) {
    return {
      exponent,
      numberStart: tok.start,
      numberEnd,
      value,
      unit: unit.unit,
      unitKind: unit.kind,
      unitEnd: pos + unit.length,
      approx,
      numeral: tok.numeral,
      scaled,
    };
  }
  if (scaled) {
    const noun = matchCountedNoun(t, pos);
    if (noun !== null) {
      return {
        exponent,
        numberStart: tok.start,
        numberEnd,
        value,
        unit: noun,
        unitKind: 'noun',
        unitEnd: pos + noun.length,
        approx,
        numeral: tok.numeral,
        scaled,
      };
    }
  }
  return {
    exponent,
    numberStart: tok.start,
    numberEnd,
    value,
    unit: null,
    unitKind: null,
    unitEnd: pos,
    approx,
    numeral: tok.numeral,
    scaled,
  };
}

/** Longest first, so 不超过 is not read as 超过. */
const PREFIX_COMPARATORS_BY_LENGTH = [...PREFIX_COMPARATORS].sort((a, b) => b[0].length - a[0].length);

function prefixComparator(t: string, numberStart: number, floor: number): Comparator | null {
  const before = t.slice(Math.max(floor, numberStart - 6), numberStart).replace(/[约近共计]+$/, '');
  for (const [word, cmp] of PREFIX_COMPARATORS_BY_LENGTH) if (before.endsWith(word)) return cmp;
  // Reaching back within the clause, up to the previous number.
  let from = numberStart;
  while (from > floor && numberStart - from < 24 && !CLAUSE_BREAK.test(t.charAt(from - 1))) from--;
  const clause = t.slice(from, numberStart);
  for (const [word, cmp] of CLAUSE_COMPARATORS) if (clause.includes(word)) return cmp;
  return null;
}

/**
 * Every quantity in a text: the number with its 万/亿 scaling, unit or measure word,
 * comparator, range and baseline, with spans into the text as given. Full-width digits
 * count as digits. Chinese numerals are kept only when a unit or % follows them (so
 * "十有", "三中全会" are not quantities). Never throws.
 *
 * "城镇新增就业５０万人" → [{ value: 500000, unit: "人", comparator: "=", text: "５０万人" }]
 * "为6300余名流入人口建立健康档案" → [{ value: 6300, unit: "名", comparator: ">=" }]
 * "由原来的15种提高到29种" → [{ value: 15, isBaseline: true }, { value: 29, baseline: 15 }]
 * "减免80％—100％供热费" → [{ value: 80, valueMax: 100, unit: "%", comparator: "range" }]
 */
export function findQuantities(text: string): QuantityMatch[] {
  const t = toHalfWidth(text);
  const out: QuantityMatch[] = [];
  const re = new RegExp(NUMBER_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const tok = readNumberToken(t, m);
    if (tok === null) continue;
    const core = readCore(t, tok);
    if (core.numeral === 'chinese' && core.unit === null) continue;
    let end = core.unitEnd;
    let value = core.value;
    let valueMax: number | null = null;
    // A unit keeps its printed slash ("吨／年"): only digits and letters are normalised.
    let unit = core.unit !== null && core.unit.includes('/') ? printedUnit(text, t, core) : core.unit;
    let kind = core.unitKind;
    let comparator: Comparator | null = null;

    // A range: "1500元至5000元", "80%—100%", "49-59周岁".
    const sep = RANGE_SEPARATOR_RE.exec(t.slice(end, end + 2));
    if (sep) {
      const re2 = new RegExp(NUMBER_RE.source, 'y');
      re2.lastIndex = end + (sep[1] ?? '').length;
      const m2 = re2.exec(t);
      const tok2 = m2 ? readNumberToken(t, m2) : null;
      if (tok2 !== null && tok2.start === end + (sep[1] ?? '').length) {
        const core2 = readCore(t, tok2);
        if (core2.unit !== null && (unit === null || unit === core2.unit)) {
          // "3至5万元": the 万 of the high end scales the low end too.
          if (core.unit === null && core.exponent === 0 && core2.exponent > 0 && tok.numeral === 'arabic') {
            value = scaleDecimal(t.slice(tok.start, tok.end), core2.exponent);
          }
          valueMax = core2.value;
          if (valueMax < value) [value, valueMax] = [valueMax, value];
          unit = core2.unit;
          kind = core2.unitKind;
          end = core2.unitEnd;
          comparator = 'range';
        }
      }
    }

    let suffix = '';
    const sfx = SUFFIX_RE.exec(t.slice(end, end + 4));
    if (sfx) {
      suffix = sfx[1] ?? '';
      end += sfx[0].length;
      if (comparator === null) {
        if (suffix === '以上') comparator = '>=';
        else if (suffix === '以下' || suffix === '以内' || suffix === '之内') comparator = '<=';
      }
    }
    const previousEnd = out.length > 0 ? (out[out.length - 1]?.end ?? 0) : 0;
    if (comparator === null && core.approx) comparator = '>=';
    if (comparator === null) comparator = prefixComparator(t, core.numberStart, previousEnd);

    out.push({
      start: core.numberStart,
      end,
      numberStart: core.numberStart,
      numberEnd: core.numberEnd,
      unitEnd: end - (sfx ? sfx[0].length : 0),
      value,
      valueMax,
      unit,
      unitKind: kind,
      comparator: comparator ?? '=',
      baseline: null,
      isBaseline: false,
      numeral: core.numeral,
      ordinal: t.charAt(core.numberStart - 1) === '第',
      fraction: tok.fraction && comparator !== 'range',
      suffix,
      text: text.slice(core.numberStart, end),
    });
    re.lastIndex = end;
  }
  linkBaselines(t, out);
  return out;
}

function printedUnit(text: string, t: string, core: Core): string | null {
  const unit = core.unit ?? '';
  const at = t.lastIndexOf(unit, core.unitEnd);
  return at >= 0 && at + unit.length === core.unitEnd ? text.slice(at, core.unitEnd) : unit;
}

/** "由X提高到Y": Y carries X as its baseline, X is marked as a baseline. */
function linkBaselines(t: string, matches: QuantityMatch[]): void {
  for (let i = 1; i < matches.length; i++) {
    const a = matches[i - 1];
    const b = matches[i];
    if (a === undefined || b === undefined || a.isBaseline) continue;
    const gap = t.slice(a.end, b.numberStart).replace(/^\/[年月日人户次]/, '');
    if (!BASELINE_GAP_RE.test(gap)) continue;
    const floor = i >= 2 ? (matches[i - 2]?.end ?? 0) : 0;
    const lead = t.slice(Math.max(floor, a.numberStart - 12), a.numberStart);
    if (!BASELINE_LEAD_RE.test(lead)) continue;
    if (a.unit !== null && b.unit !== null && a.unit !== b.unit) continue;
    a.isBaseline = true;
    b.baseline = a.value;
  }
}
