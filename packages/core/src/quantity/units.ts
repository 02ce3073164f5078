/**
 * Measure words and units that follow a number in 民生实事 documents, with the kind of
 * thing each counts. Kinds decide what can be compared: a progress figure in 名 can
 * measure a target in 人, one in 台件 a target in 台, never one in 元.
 */

export type UnitKind =
  | 'person'
  | 'household'
  | 'money'
  | 'length'
  | 'area'
  | 'volume'
  | 'weight'
  | 'capacity'
  | 'power'
  | 'bandwidth'
  | 'temperature'
  | 'noise'
  | 'count'
  | 'percent'
  | 'points'
  | 'time'
  | 'duration'
  | 'age'
  | 'ordinal'
  | 'noun';

const UNIT_TABLE: ReadonlyArray<readonly [string, UnitKind]> = [
  // people and households
  ['人次', 'person'],
  ['人份', 'person'],
  ['剂次', 'count'],
  ['针次', 'count'],
  ['例次', 'count'],
  ['台次', 'count'],
  ['车次', 'count'],
  ['架次', 'count'],
  ['班次', 'count'],
  ['件次', 'count'],
  ['剂', 'count'],
  ['人口', 'person'],
  ['人', 'person'],
  ['名', 'person'],
  ['位', 'person'],
  ['户次', 'household'],
  ['户', 'household'],
  // money
  ['元', 'money'],
  // length, area, volume
  ['公里', 'length'],
  ['千米', 'length'],
  ['延米', 'length'],
  ['米', 'length'],
  ['平方公里', 'area'],
  ['平方千米', 'area'],
  ['㎡', 'area'],
  ['m²', 'area'],
  ['平方米', 'area'],
  ['平米', 'area'],
  ['亩', 'area'],
  ['公顷', 'area'],
  ['立方米', 'volume'],
  // weight, capacity, power, bandwidth
  ['蒸吨', 'capacity'],
  ['吨', 'weight'],
  ['公斤', 'weight'],
  ['千克', 'weight'],
  ['市斤', 'weight'],
  ['斤', 'weight'],
  ['毫克', 'weight'],
  ['微克', 'weight'],
  ['克', 'weight'],
  ['千瓦时', 'power'],
  ['千瓦', 'power'],
  ['兆瓦', 'power'],
  ['kW', 'power'],
  ['MW', 'power'],
  ['兆/秒', 'bandwidth'],
  ['兆', 'bandwidth'],
  ['Mbps', 'bandwidth'],
  ['M', 'bandwidth'],
  ['km', 'length'],
  // standards: room temperature, noise
  ['℃', 'temperature'],
  ['°C', 'temperature'],
  ['摄氏度', 'temperature'],
  ['分贝', 'noise'],
  ['dB', 'noise'],
  // counts
  ['个', 'count'],
  ['套', 'count'],
  ['所', 'count'],
  ['座', 'count'],
  ['台件', 'count'],
  ['台', 'count'],
  ['辆', 'count'],
  ['场次', 'count'],
  ['场', 'count'],
  ['次', 'count'],
  ['张', 'count'],
  ['间', 'count'],
  ['条', 'count'],
  ['处', 'count'],
  ['件', 'count'],
  ['家', 'count'],
  ['批次', 'count'],
  ['批', 'count'],
  ['种', 'count'],
  ['期', 'count'],
  ['株', 'count'],
  ['棵', 'count'],
  ['块', 'count'],
  ['眼', 'count'],
  ['盏', 'count'],
  ['项', 'count'],
  ['栋', 'count'],
  ['幢', 'count'],
  ['节', 'count'],
  ['册', 'count'],
  ['本', 'count'],
  ['部', 'count'],
  ['支', 'count'],
  ['只', 'count'],
  ['头', 'count'],
  ['例', 'count'],
  ['份', 'count'],
  ['轮', 'count'],
  ['架', 'count'],
  ['艘', 'count'],
  ['根', 'count'],
  ['孔', 'count'],
  ['片', 'count'],
  ['宗', 'count'],
  ['笔', 'count'],
  ['篇', 'count'],
  ['倍', 'count'],
  // time and age: parsed so they can be left out, never targets
  ['周岁', 'age'],
  ['岁', 'age'],
  ['个月', 'time'],
  ['月份', 'time'],
  ['年', 'time'],
  ['月', 'time'],
  ['日', 'time'],
  ['周', 'time'],
  // durations: targets only with a comparator ("办结时限压缩至5个工作日", "优良天数达到300天")
  ['个工作日', 'duration'],
  ['工作日', 'duration'],
  ['天', 'duration'],
  ['小时', 'duration'],
  ['分钟', 'duration'],
  ['届', 'ordinal'],
  ['号', 'ordinal'],
  ['级', 'ordinal'],
  ['层', 'ordinal'],
];

/** Longest first, so 平方米 wins over 米 and 人次 over 人. */
const UNITS_BY_LENGTH = [...UNIT_TABLE].sort((a, b) => b[0].length - a[0].length);

/**
 * A measure word followed by these characters is the start of another word:
 * "5部门" is not 5 部, "项目" is not a 项.
 */
const WORD_STARTS: ReadonlyArray<string> = [
  '部门',
  '场所',
  '期间',
  '节能',
  '节日',
  '节约',
  '本地',
  '本级',
  '条件',
  '项目',
  '次要',
  '户籍',
  '座谈',
  '台账',
  '名单',
  '名称',
  '份额',
  '个性',
  '只有',
  '支持',
  '所有',
  '处理',
  '处置',
  '家长',
  '家庭',
  '头条',
  '次数',
  '间隔',
  '周边',
  '周年',
  '天然',
  '号召',
  '对象',
  '对于',
  '床位',
  '片区',
  '层次',
  '年度',
  '年级',
  '级别',
];

/** The denominator of a rate: "/千瓦时", "/人·月", "/日"; one or two units joined by "·". */
const PER =
  '(?:千瓦时|立方米|平方米|公里|千米|小时|季度|学期|公斤|千克|年|月|日|天|周|人|户|次|秒|吨|亩|辆|台|床|生|度|米|斤|例|件|张|套|个)';
const RATE = new RegExp(`^[/／](${PER}(?:[·・•]${PER})?)`);

export interface UnitMatch {
  unit: string;
  kind: UnitKind;
  /** Characters consumed in the text (may exceed unit.length: "人（次）" → 人次). */
  length: number;
}

/**
 * The measure word or unit starting at `pos` of a half-width text, or null.
 * ("新建幼儿园5所", 8) → { unit: "所", kind: "count", length: 1 }
 */
export function matchUnit(text: string, pos: number): UnitMatch | null {
  for (const [unit, kind] of UNITS_BY_LENGTH) {
    if (!text.startsWith(unit, pos)) continue;
    const after = pos + unit.length;
    if (/^[A-Za-z]/.test(unit) && /[A-Za-z]/.test(text.charAt(after))) continue;
    if (WORD_STARTS.some((w) => w.startsWith(unit) && text.startsWith(w, pos))) continue;
    // "2万人（次）" is a count of person-visits.
    if (unit === '人' || unit === '户') {
      const paren = /^[（(]次[）)]/.exec(text.slice(after, after + 3));
      if (paren) return { unit: `${unit}次`, kind, length: unit.length + 3 };
    }
    // Rates: "120万吨/年", "1000元/年".
    const rate = RATE.exec(text.slice(after, after + 12));
    if (rate && !unit.includes('/')) {
      return { unit: `${unit}/${rate[1] ?? ''}`, kind, length: unit.length + rate[0].length };
    }
    return { unit, kind, length: unit.length };
  }
  return null;
}

/** The kind of a unit string as it appears in an indicator; nouns ("农村居民") are 'noun'. */
export function unitKind(unit: string | null): UnitKind | null {
  if (unit === null) return null;
  if (unit === '%' || unit === '‰') return 'percent';
  if (unit === '个百分点') return 'points';
  const base = unit.split(/[/／]/)[0] ?? unit;
  const found = UNIT_TABLE.find(([u]) => u === base);
  if (found) return found[1];
  if (base === '人次' || base === '户次') return base === '人次' ? 'person' : 'household';
  return 'noun';
}

/**
 * Nouns that end a counted group after 万/亿 with no measure word:
 * "5.5万农村居民饮水安全问题" → 农村居民.
 */
const NOUN_HEADS: ReadonlyArray<string> = [
  '人口',
  '居民',
  '群众',
  '农民工',
  '农民',
  '职工',
  '学生',
  '儿童',
  '老人',
  '妇女',
  '家庭',
  '人员',
  '患者',
  '对象',
  '残疾人',
  '青少年',
  '孕妇',
  '新生儿',
  '劳动力',
  '贫困户',
  '农户',
  '用户',
  '会员',
  '市民',
  '村民',
  '人',
];

/**
 * The noun a scaled number counts when no measure word follows, or null.
 * ("5.5万农村居民饮水安全问题", 4) → "农村居民"
 */
export function matchCountedNoun(text: string, pos: number): string | null {
  const run = /^[\u4e00-\u9fff]{1,10}/.exec(text.slice(pos));
  if (!run) return null;
  const words = run[0];
  // The first head noun ends the group; of heads starting at the same place the longest
  // wins ("农村贫困人口", not "农村贫困人").
  let bestAt = Infinity;
  let bestEnd = 0;
  for (const head of NOUN_HEADS) {
    const at = words.indexOf(head);
    if (at < 0) continue;
    const end = at + head.length;
    if (at < bestAt || (at === bestAt && end > bestEnd)) {
      bestAt = at;
      bestEnd = end;
    }
  }
  if (bestEnd === 0 || bestEnd > 8) return null;
  return words.slice(0, bestEnd);
}
