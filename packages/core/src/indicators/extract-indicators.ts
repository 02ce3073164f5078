import type { Indicator } from '../model';
import type { QuantityMatch } from '../quantity/find-quantities';
import { findQuantities } from '../quantity/find-quantities';
import { toHalfWidth } from '../quantity/parse-chinese-number';
import { matchUnit } from '../quantity/units';

/**
 * The wider phrase each indicator object was read with ("打造10个大学生创业园" → 打造大学生创业园),
 * so progress matching can use it when it is handed the same objects. Invisible to JSON and to
 * the contract; indicators that come back from storage simply fall back to subject and text.
 */
const CONTEXTS = new WeakMap<Indicator, string>();

/** The phrase an indicator was read with, when this module made it; else its subject. */
export function indicatorContext(indicator: Indicator): string {
  return CONTEXTS.get(indicator) ?? indicator.subject ?? '';
}

/** An indicator with where it sits in the text it was read from. */
export interface IndicatorReading {
  indicator: Indicator;
  quantity: QuantityMatch;
  /** Span of `indicator.text` in the text. */
  start: number;
  end: number;
  /** Span of the subject in the text, when it was read from the words before the number. */
  subjectStart: number | null;
  /**
   * A wider phrase naming what is counted, for matching: the words before the number with a
   * leading preposition dropped, plus the noun after it ("为2800户贫困残疾人家庭进行无障碍改造"
   * → "贫困残疾人家庭进行无障碍改造").
   */
  context: string;
}

const CLAUSE_BOUNDARY = /[，,；;。：:！？!?\n\r\t]/;
/** Top-level words that separate list items: "18条、12公里", "4500元和3100元". */
const LIST_SEPARATOR_RE = /(、|以及|和|及|与|或|并)/g;
const LEADING_NOISE_RE =
  /^(?:[\s、，,；;：:“”"'‘’《》()（）【】\-—]|[（(]?[一二三四五六七八九十\d]+[)）、.](?!\d)|其中|另外|同时|并且|(?:到|至|截至|截止)?\d{4}年(?:底|末|内|前|度|起)?|全年共计)+/;
/**
 * A preposition opening a subject: "为东南新城…配建停车场" → "东南新城…配建停车场". Not when it
 * starts a word: 给水管网, 共享, 对口, 在建, 为民, 从业.
 */
const LEADING_PREPOSITION_RE =
  /^(?:按照|为(?!民)|对(?!口|接|外|象|于)|向(?!阳)|给(?!水|排水)|在(?!建|线|校|岗|职|家|籍)|将(?!军)|把|按(?!摩|期|时)|从(?!业|事)|并(?!网|购|且)|共(?!享|同|识|产|青|建(?!设)))/;
/** A before-part that is only a preposition says nothing: "为2800户…", "对150所…". */
const BARE_PREPOSITION_RE = /^(?:免费)?(?:为|对|向|给|在|将|把|按|按照|从|由|共|约|近|再|并)$/;
const TRAILING_NOISE_RE =
  /(?:[\s、，,；;：:“”"'‘’《》（(【\-—]|不低于|不少于|不小于|不超过|不高于|至少|最少|超过|控制在|达到|达|提高到|提升到|增加到|增长到|提高至|提升至|增加至|增长至|降低到|降低至|降至|增至|缩短到|缩短至|压缩到|压缩至|减少到|减少至|分别为|分别|为|是|约|近|共计|共|总计|合计|累计|的|要|\d{4}年(?:底|末|内|前|度)?)+$/;
/** Verbs that progress reports put before what was done: "完成失业人员再就业9539人". */
const PROGRESS_VERBS_RE =
  /^(?:截至目前|截止目前|目前|现已|已经|已|累计|共计|共(?!享|同|识|建|产|青)|全年|年内|完成了|完成|实现|新增|达到|其中)+/;
/**
 * The subject as the contract and the fixtures write it: the words before the number in its
 * clause, verbs and prepositions kept ("为全省", "新建幼儿园"), without the comparator or
 * copula that joins them to the number ("城市低保标准不低于…的" keeps its 的; "达到" goes).
 */
const SUBJECT_LEADING_RE =
  /^(?:[\s、，,；;：:“”"'‘’《》)）【】\-—]|[（(]?[一二三四五六七八九十\d]+[)）、.](?!\d)|其中|另外|同时|并且)+/;
const SUBJECT_TRAILING_RE =
  /(?:[\s、，,；;：:“”"'‘’《》（(【\-—]|不低于|不少于|不小于|不超过|不高于|至少|最少|超过|控制在|可达到|可达|达到|达|提高到|提升到|增加到|增长到|提高至|提升至|增加至|增长至|降低到|降低至|下降到|下降至|降至|增至|缩短到|缩短至|压缩到|压缩至|减少到|减少至|分别为|分别|约|近|逾)+$/;
/** Progress subjects drop only what says it is done: "已完工182个" → 完工. */
const PROGRESS_DONE_RE =
  /^(?:截至目前|截止目前|目前|现已|已经|已|累计|完成了|完成|今年以来|年初以来|上半年|前三季度|\d{1,2}[-—–~至]\d{1,2}月份?|\d{1,2}月份?以来)+/;

/** The subject's span in [from, to): words before the number, trimmed. */
function subjectSpan(
  t: string,
  from: number,
  to: number,
  progress: boolean,
  baseline: boolean,
): [number, number] {
  let s = from;
  let e = to;
  for (let guard = 0; guard < 6 && s < e; guard++) {
    const was = [s, e];
    const lead = SUBJECT_LEADING_RE.exec(t.slice(s, e));
    if (lead) s += lead[0].length;
    if (progress) {
      const done = PROGRESS_DONE_RE.exec(t.slice(s, e));
      if (done) s += done[0].length;
    }
    if (baseline) {
      // "支付标准由原来的每个病种1000元提高到": the subject ends before 由.
      const from = /(?:由|从)/.exec(t.slice(s, e));
      if (from) e = s + from.index;
    }
    const trail = SUBJECT_TRAILING_RE.exec(t.slice(s, e));
    if (trail) e -= trail[0].length;
    if (was[0] === s && was[1] === e) break;
  }
  return [s, Math.max(s, e)];
}

function isCjk(ch: string): boolean {
  return /[\u4e00-\u9fff]/.test(ch);
}

/** Words that make an age or a duration something to reach: "达到78岁", "缩短至3天". */
const TARGET_VERB_RE =
  /(?:达到|达|提高到|提高至|提升到|提升至|延长到|延长至|缩短到|缩短至|压缩到|压缩至|缩减到|缩减至|减少到|减少至|降低到|降至|减至|缩至|控制在|不超过|不少于|不低于|以内)$/;
/** Verbs before a written-out 一 that make it a count: "新建一所学校". */
const BUILD_VERB_RE =
  /(?:新建|建设|建成|改造|改建|扩建|创建|打造|新增|新开|开工|完成|设立|成立|组建|配备|开通|启用|投用)$/;

/**
 * Quantities that only qualify or name something: ages, dates, ordinals, document counts,
 * class limits ("10蒸吨以下燃煤小锅炉"), the X of "由X提高到Y", numbers with no unit.
 */
export function isQualifier(q: QuantityMatch, text: string): boolean {
  if (q.isBaseline || q.unit === null || q.ordinal) return true;
  if (q.unitKind === 'time' || q.unitKind === 'ordinal') return true;
  const lead = toHalfWidth(text.slice(Math.max(0, q.numberStart - 6), q.numberStart));
  // Ages qualify people ("7岁以下儿童", "49-59周岁") unless raised to: "人均预期寿命达到78岁".
  if (q.unitKind === 'age' && !TARGET_VERB_RE.test(lead)) return true;
  // Durations are targets when bounded ("压缩至5个工作日", "控制在15分钟以内"), else names
  // ("城市半小时，农村两小时"服务圈).
  if (q.unitKind === 'duration' && q.comparator === '=' && !TARGET_VERB_RE.test(lead)) return true;
  // "一张网", "一场三馆", "放映公益电影一场": a written-out 一 is a word, not a target,
  // unless something is built: "新建一所学校".
  if (q.numeral === 'chinese' && q.value === 1 && /^[一壹]/.test(q.text) && !BUILD_VERB_RE.test(lead)) {
    // "每月为全省行政村放映公益电影一场": a per-unit standard is a target.
    const clause =
      text
        .slice(Math.max(0, q.numberStart - 40), q.numberStart)
        .split(/[，,；;。：:！？!?]/)
        .pop() ?? '';
    if (!clause.includes('每')) return true;
  }
  // Slogans: "“两节”送温暖", "“五个一”工程".
  if (q.numeral === 'chinese' && (/^两节/.test(q.text) || (q.unit === '个' && text.charAt(q.end) === '一')))
    return true;
  // "二期", "（一期）": phases are names.
  if (q.numeral === 'chinese' && q.unit === '期') return true;
  // "二次供水", "二次结构": secondary, not twice.
  if (q.numeral === 'chinese' && q.unit === '次' && /^[二贰]次/.test(q.text)) return true;
  // Only the characters around the quantity matter: widen just those.
  const after = toHalfWidth(text.slice(q.end, q.end + 3));
  // "（5项）", "（共10项）": a category's declared count.
  if (q.unit === '项' && /[（(][共计]{0,2}$/.test(lead) && /^[）)]/.test(after)) return true;
  // "2套房贷政策": a second home, not two of something.
  if (q.unit === '套' && after.startsWith('房')) return true;
  // "100兆/秒占比达到82%": the 100 names which households are counted.
  if (/^(?:占比|比例|比重)/.test(after)) return true;
  // "按60平方米基准面积减免": the basis of a computation.
  if (after.startsWith('基准')) return true;
  if (q.unitKind !== 'percent' && (q.suffix === '以上' || q.suffix === '以下')) {
    // "5000元以上部分救助比例达到60%": a threshold, not a target.
    if (/^的?部分/.test(after)) return true;
    // "10蒸吨以下燃煤小锅炉": a class of things.
    const next = after.charAt(0);
    if (isCjk(next) && next !== '的') return true;
  }
  return false;
}

/**
 * "农村80%以上社区服务用房面积达到200平方米": the share is the target, the level after it only
 * says which communities count. A percentage followed by a noun ("80%以上社区…", "80%的乡镇")
 * makes any later 达到/达 quantity of its clause a qualifier.
 */
function dropCoverageLevels(t: string, kept: QuantityMatch[]): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  let coverageClause: number | null = null;
  for (const q of kept) {
    const cs = clauseStart(t, q.numberStart);
    if (coverageClause !== cs) coverageClause = null;
    const lead = t.slice(Math.max(cs, q.numberStart - 2), q.numberStart);
    if (coverageClause !== null && q.unitKind !== 'percent' && /(?:达到|达)$/.test(lead)) continue;
    const after = t.slice(q.end, q.end + 3);
    if (q.unitKind === 'percent' && /^的?[\u4e00-\u9fff]/.test(after) && !/^的?(?:比例|部分)/.test(after)) {
      coverageClause = cs;
    }
    out.push(q);
  }
  return out;
}

/** Where the clause holding `pos` starts; an unclosed bracket before it starts one too. */
function clauseStart(t: string, pos: number): number {
  let depth = 0;
  // A clause longer than this is not a sentence (a table flattened into one line); cap it.
  const floor = Math.max(0, pos - 120);
  for (let i = pos - 1; i >= floor; i--) {
    const ch = t.charAt(i);
    if (CLAUSE_BOUNDARY.test(ch)) return i + 1;
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) return i + 1;
      depth--;
    }
  }
  return floor;
}

/** Index of the last list separator outside brackets in [from, to), with its length. */
function lastTopLevelSeparator(t: string, from: number, to: number): { at: number; length: number } | null {
  const slice = t.slice(from, to);
  let found: { at: number; length: number } | null = null;
  LIST_SEPARATOR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LIST_SEPARATOR_RE.exec(slice)) !== null) {
    const prefix = slice.slice(0, m.index);
    const open = (prefix.match(/[（(]/g) ?? []).length;
    const close = (prefix.match(/[）)]/g) ?? []).length;
    if (open === close) found = { at: from + m.index, length: m[0].length };
  }
  return found;
}

/** Trim noise off both ends of [s, e) and return the new span. */
function trimSpan(t: string, s: number, e: number, extraLeading?: RegExp): [number, number] {
  for (let guard = 0; guard < 8 && s < e; guard++) {
    const before = [s, e];
    const lead = LEADING_NOISE_RE.exec(t.slice(s, e));
    if (lead) s += lead[0].length;
    if (extraLeading) {
      const extra = extraLeading.exec(t.slice(s, e));
      if (extra) s += extra[0].length;
    }
    const trail = TRAILING_NOISE_RE.exec(t.slice(s, e));
    if (trail) e -= trail[0].length;
    if (before[0] === s && before[1] === e) break;
  }
  return [s, Math.max(s, e)];
}

/** Trim the words after a number, a leading preposition too: "70台为天然气车" → 天然气车. */
function trimNoun(t: string, s: number, e: number): [number, number] {
  const [ts, te] = trimSpan(t, s, e);
  const prep = LEADING_PREPOSITION_RE.exec(t.slice(ts, te));
  return prep && prep[0].length < te - ts ? trimSpan(t, ts + prep[0].length, te) : [ts, te];
}

/** The words after a quantity that name what it counts, up to the clause's end: "2800户贫困残疾人家庭…". */
function nounAfter(t: string, unitEnd: number, limit: number): [number, number] {
  let from = unitEnd;
  // "1000台（套）老旧电梯": a second measure word in brackets is skipped.
  const alt = /^[（(][\u4e00-\u9fff]{1,2}[）)]/.exec(t.slice(from, from + 4));
  if (alt && matchUnit(t, from + 1) !== null) from += alt[0].length;
  let e = from;
  let depth = 0;
  // "10000人（其中…", "2200张（城区…", "4500元和3100元": nothing named after the number.
  if (/^[（(和及与或]/.test(t.charAt(from))) return [from, from];
  while (e < limit && e - from < 24) {
    const ch = t.charAt(e);
    if (CLAUSE_BOUNDARY.test(ch)) break;
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && ch === '、') break;
    e++;
  }
  let s = from;
  while (s < e && /[的\s“”"]/.test(t.charAt(s))) s++;
  while (e > s && /[\s“”"（(]/.test(t.charAt(e - 1))) e--;
  return [s, e];
}

/** White space out; quotation marks out when the span cut a pair in half ("阳光厨房”示范点"). */
function tidySubject(subject: string): string {
  let s = subject.replace(/\s+/g, '');
  const open = (s.match(/[“‘]/g) ?? []).length;
  const close = (s.match(/[”’]/g) ?? []).length;
  if (open !== close) s = s.replace(/[“”‘’]/g, '');
  if ((s.match(/"/g) ?? []).length % 2 === 1) s = s.replace(/"/g, '');
  return s;
}

interface ReadOptions {
  /** Strip the verbs progress reports put first ("完成", "累计") from subjects. */
  progress?: boolean;
}

interface ClauseStart {
  cs: number;
  rawStart: number;
  stopBefore: number;
  listed: boolean;
}

/**
 * The wider phrase naming what a quantity counts, for matching progress to indicators and for
 * subjects that are only a verb: the words before the number with a leading preposition
 * dropped plus the noun after it ("打造10个大学生创业园" → 打造大学生创业园), the noun alone after
 * a long run-up, the previous item's phrase for a bare list item ("18条、12公里"), or the words
 * before a bracket ("放映公益电影一场（全年共计11.2万场）").
 */
function readContext(
  t: string,
  content: string,
  q: QuantityMatch,
  own: ClauseStart,
  limit: number,
  readings: IndicatorReading[],
  extraLeading: RegExp | undefined,
): { context: string; start: number; end: number; subjectStart: number | null } {
  const { cs, rawStart, listed } = own;
  let [s, e] = trimSpan(t, rawStart, q.numberStart, extraLeading);
  if (BARE_PREPOSITION_RE.test(t.slice(s, e))) s = e;
  const prep = LEADING_PREPOSITION_RE.exec(t.slice(s, e));
  if (prep && prep[0].length < e - s) [s, e] = trimSpan(t, s + prep[0].length, e, extraLeading);
  if (q.baseline !== null) {
    const from = /(?:由|从)/.exec(t.slice(s, e));
    if (from) [s, e] = trimSpan(t, s, s + from.index, extraLeading);
  }
  const [ns, ne] = nounAfter(t, q.end, limit);
  const done = (text: string, start: number, end: number, subjectStart: number | null) => ({
    context: tidySubject(text),
    start,
    end,
    subjectStart,
  });
  if (e - s > 20 && ne > ns) {
    // A long run-up ("完成城区出入口、加油站、…等重点部位500处视频卡口抓拍点位建设"):
    // what follows the number names the target better.
    const [ts, te] = trimNoun(t, ns, ne);
    return done(content.slice(ts, te), q.numberStart, te, null);
  }
  if (e > s) {
    if (ne > ns) {
      const [ts, te] = trimNoun(t, ns, ne);
      return done(content.slice(s, e) + content.slice(ts, te), s, te, s);
    }
    return done(content.slice(s, e), s, q.unitEnd, s);
  }
  if (ne > ns) {
    const [ts, te] = trimNoun(t, ns, ne);
    return done(content.slice(ts, te), q.numberStart, te, null);
  }
  const last = readings[readings.length - 1];
  const bracket = /[（(]/.test(t.charAt(cs - 1));
  if (last !== undefined && (listed || (bracket && last.quantity.end >= cs - 1))) {
    // "建设市政道路18条、12公里", "2075套（9.6万平方米）": the first one's phrase.
    const from = last.subjectStart ?? last.start;
    return { context: last.context, start: from, end: q.unitEnd, subjectStart: last.subjectStart };
  }
  if (bracket) {
    // "放映公益电影一场（全年共计11.2万场）": the words before the bracket.
    const [bs, be] = trimSpan(t, clauseStart(t, cs - 1), cs - 1);
    if (be > bs) return done(content.slice(bs, be), bs, q.unitEnd, bs);
  }
  return { context: '', start: q.numberStart, end: q.unitEnd, subjectStart: null };
}

/**
 * The indicators of a text with their spans; extractIndicators and extractProgress share it.
 * "新建幼儿园5所，改扩建幼儿园7所" → two readings, subjects 新建幼儿园 and 改扩建幼儿园.
 */
export function readIndicators(content: string, options: ReadOptions = {}): IndicatorReading[] {
  const t = toHalfWidth(content);
  const kept = dropCoverageLevels(
    t,
    findQuantities(content).filter((q) => !isQualifier(q, content)),
  );
  const readings: IndicatorReading[] = [];
  const extraLeading = options.progress ? PROGRESS_VERBS_RE : undefined;
  // Where each quantity's own words start, and where the previous one's words must stop:
  // "买到低于市场平均价格20%以上的平价蔬菜和低于市场平均价格5%以上的米" splits at 和.
  const starts = kept.map((q, i): ClauseStart => {
    const cs = clauseStart(t, q.numberStart);
    const prev = i > 0 ? kept[i - 1] : undefined;
    if (prev === undefined || prev.end <= cs)
      return { cs, rawStart: cs, stopBefore: q.numberStart, listed: false };
    const sep = lastTopLevelSeparator(t, prev.end, q.numberStart);
    if (sep === null) return { cs, rawStart: prev.end, stopBefore: q.numberStart, listed: false };
    const rawStart = sep.at + sep.length;
    return { cs, rawStart, stopBefore: sep.at, listed: t.slice(rawStart, q.numberStart).trim() === '' };
  });
  for (let i = 0; i < kept.length; i++) {
    const q = kept[i];
    const own = starts[i];
    if (q === undefined || own === undefined) continue;
    const next = starts[i + 1];
    const limit = next !== undefined ? next.stopBefore : t.length;
    const wide = readContext(t, content, q, own, limit, readings, extraLeading);
    // The subject printed is the words before the number. A lone verb or preposition
    // ("完成", "为", "打造") names nothing: then the wider phrase is the subject and the text
    // reaches to the noun after the number.
    const [ss, se] = subjectSpan(
      t,
      own.rawStart,
      q.numberStart,
      options.progress === true,
      q.baseline !== null,
    );
    const printed = se > ss ? tidySubject(content.slice(ss, se)) : '';
    const ownWords = printed.length > 2 || (printed.length > 0 && wide.context === '');
    const subject = ownWords ? printed : wide.context === '' ? null : wide.context;
    const start = ownWords ? ss : wide.start;
    const end = ownWords ? q.unitEnd : Math.max(wide.end, q.unitEnd);
    const indicator: Indicator = {
      subject,
      // "三分之一以上的行政村": the contract's unit is what follows the number, and nothing
      // does; the value is the fraction itself (the finder reads it as 33.33…%).
      value: q.fraction ? q.value / 100 : q.value,
      unit: q.fraction ? null : q.unit,
      comparator: q.comparator,
      baseline: q.baseline,
      text: content.slice(start, end),
    };
    if (q.valueMax !== null) indicator.valueMax = q.valueMax;
    CONTEXTS.set(indicator, wide.context);
    readings.push({
      indicator,
      quantity: q,
      start,
      end,
      subjectStart: ownWords ? ss : wide.subjectStart,
      context: wide.context,
    });
  }
  return readings;
}

/**
 * The quantities a task's sentence commits to, per the plan-document contract: counts, money,
 * lengths, areas, percentages and standard levels, with value in base units, unit, comparator,
 * baseline (and valueMax for ranges). Left out: ages, dates, ordinals (二期, 第十七届), document
 * counts (（5项）), class limits (10蒸吨以下燃煤小锅炉), levels that only say what is counted
 * (100兆/秒占比…), bases of computation (按60平方米基准面积), "一" as an article, hotline and
 * document numbers. `subject` is the words before the number in its clause, verbs and
 * prepositions kept, the comparator or copula joining it to the number left out; a lone verb
 * or preposition ("完成", "为") takes the noun after the number with it. `text` is the span
 * from subject to unit as printed. Never throws.
 *
 * "城镇新增就业50万人" → [{ subject: "城镇新增就业", value: 500000, unit: "人", comparator: "=",
 *   baseline: null, text: "城镇新增就业50万人" }]
 * "年救助封顶线由2万元提高到3万元" → [{ subject: "年救助封顶线", value: 30000, unit: "元", baseline: 20000, … }]
 * "开发就业岗位不少于6500个" → [{ subject: "开发就业岗位", value: 6500, unit: "个", comparator: ">=", … }]
 */
export function extractIndicators(content: string): Indicator[] {
  try {
    return readIndicators(content).map((r) => r.indicator);
  } catch {
    // A parsing bug must never stop an import: the office can type the indicators in.
    return [];
  }
}
