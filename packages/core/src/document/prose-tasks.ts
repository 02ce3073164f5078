/**
 * Tasks written as prose: "一、就业创业方面（３项）" headings over "（一）…（二十八）" items,
 * "1、…；(人社局、各开发区)" items, "(1)…(15)" run together in one paragraph, bulletins
 * "一、关于…。截至6月底，…".
 */
import { compactText, parseChineseNumber, parseCircledNumber, toHalfWidth } from '../text/normalize';
import type { TaskUnit } from '../model';
import { looksLikeUnitList, parseUnits } from '../units/parse-units';
import { isChrome } from './metadata';
import { isUnitBracketLine, readUnitBracket } from './unit-brackets';
import type { CategoryDraft, TaskDraft } from './table-tasks';
import { parseCategoryLabel, statusWord } from './table-tasks';

export type MarkerStyle = 'cn' | 'pcn' | 'num' | 'pnum' | 'numr' | 'circ' | 'ord' | 'head';

export interface ProseItem {
  style: MarkerStyle;
  number: number;
  /** The item's text after its marker, continuation paragraphs joined with "\n". */
  text: string;
  /** Index of the paragraph it starts in. */
  paragraph: number;
}

const MARKERS: Array<[MarkerStyle, RegExp]> = [
  ['pcn', /^[（(]\s*([一二三四五六七八九十百]{1,4})\s*[)）]\s*[、.．]?\s*/],
  ['cn', /^([一二三四五六七八九十百]{1,4})\s*[、.．]\s*/],
  ['pnum', /^[（(]\s*(\d{1,3})\s*[)）]\s*[、.．]?\s*/],
  ['num', /^(\d{1,3})\s*(?:[、．]|\.(?!\d))\s*/],
  ['numr', /^(\d{1,3})\s*[)）]\s*/],
  ['circ', /^([①-⑳])\s*/],
  // "第一项 …", "第1项 …", "第十二项", "第一件"
  ['ord', /^第\s*([一二三四五六七八九十百]{1,4}|\d{1,3})\s*[项件]\s*[、.．:：]?\s*/],
];

/** The ordinal an item starts with: "（二十八）加强…" → { style: 'pcn', number: 28 }. */
export function leadingMarker(text: string): { style: MarkerStyle; number: number; rest: string } | null {
  const t = toHalfWidth(text).replace(/^[\s\u3000]+/, '');
  for (const [style, re] of MARKERS) {
    const m = re.exec(t);
    if (!m?.[1]) continue;
    const number = style === 'circ' ? parseCircledNumber(m[1]) : parseChineseNumber(m[1]);
    if (number === null || number < 1) continue;
    const rest = t.slice(m[0].length);
    if (!rest.trim()) continue;
    return { style, number, rest };
  }
  return null;
}

const INNER: Partial<Record<MarkerStyle, RegExp>> = {
  pnum: /[（(]\s*(\d{1,3})\s*[)）]/g,
  pcn: /[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]/g,
  num: /(\d{1,3})(?:[、．]|\.(?!\d))/g,
  circ: /([①-⑳])/g,
};

/**
 * "(1)…；(2)…；(3)…" in one paragraph → its parts, when the numbers run on from `first`
 * and each marker follows the start or a separator. Returns null when there is no run.
 */
function splitRun(
  text: string,
  style: MarkerStyle,
  first: number,
): Array<{ number: number; text: string }> | null {
  const re = INNER[style];
  if (!re) return null;
  const cuts: Array<{ at: number; end: number; number: number }> = [];
  let expected = first;
  for (const m of text.matchAll(re)) {
    const raw = m[1] ?? '';
    const n = style === 'circ' ? parseCircledNumber(raw) : parseChineseNumber(raw);
    if (n !== expected) continue;
    const at = m.index ?? 0;
    const before = text.slice(0, at).replace(/\s+$/, '');
    if (at > 0 && !/[；;。，,：:！？!?）)”"]$/.test(before)) continue;
    cuts.push({ at, end: at + m[0].length, number: n });
    expected += 1;
  }
  if (cuts.length < 2) return null;
  const parts: Array<{ number: number; text: string }> = [];
  const head = text.slice(0, cuts[0]?.at ?? 0).trim();
  if (head) parts.push({ number: 0, text: head });
  cuts.forEach((c, i) => {
    const end = cuts[i + 1]?.at ?? text.length;
    let part = text.slice(c.end, end).trim();
    if (i === cuts.length - 1) {
      // The last item ends at its units: "…100间(区市场监管局、区教育局)。各责任单位要…".
      for (const m of part.matchAll(/[（(]([^（）()]{2,80})[)）]\s*[。；;]/g)) {
        if (looksLikeUnitList(m[1] ?? '') && (m.index ?? 0) + m[0].length < part.length) {
          part = part.slice(0, (m.index ?? 0) + m[0].length);
          break;
        }
      }
    }
    // The "；" between run-together items separates them; it is no part of either.
    parts.push({ number: c.number, text: part.replace(/[；;，,]\s*$/, '') });
  });
  return parts;
}

/** A labelled line of an item: "责任单位：…", "年度目标：…", "进展情况：…". */
const LABEL_WORDS =
  '进展评价|进度评价|推进评价|完成状态|推进状态|进展状态|当前状态|牵头单位|配合单位|责任单位|责任部门|牵头部门|配合部门|完成时限|完成时间|完成期限|时间节点|年度目标|年度任务|全年目标|全年任务|年度计划|目标任务|任务目标|目标要求|工作目标|建设任务|建设内容|实施内容|主要内容|工作内容|进展情况|推进情况|完成情况|落实情况|工作进展|进度情况|完成进度|目标|任务|进展|进度';
export const ITEM_LABEL = new RegExp(`^(?:${LABEL_WORDS})[:：]`);

/** "城镇新增就业。目标：….进展：截至…": labels run on inside one paragraph, each on its own line. */
function breakInlineLabels(text: string): string {
  const label = new RegExp(`^\\s*(?:${LABEL_WORDS})[:：]`);
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    out += ch;
    // Only outside brackets: "（责任单位：A；完成时限：…）" stays one bracket.
    if (depth === 0 && /[。；;]/.test(ch) && label.test(text.slice(i + 1, i + 12))) out += '\n';
  }
  return out;
}

/** Sections that close a plan or report: after them come no more tasks. */
const CLOSING_SECTION =
  /^(?:工作要求|保障措施|组织保障|有关要求|相关要求|工作保障|存在的?(?:主要)?(?:问题|困难)|主要问题|困难和问题|下一步(?:工作|打算|工作打算)?|下步(?:工作|打算)|工作打算|工作建议|组织领导|督查考核|监督检查|附则)$/;

/** Paragraphs → numbered items, with run-together items split and wrapped lines joined. */
export function collectItems(paragraphs: string[]): { items: ProseItem[]; free: number[] } {
  const items: ProseItem[] = [];
  const free: number[] = [];
  let inAttachments = false;
  let inFraming = false;
  // Paragraphs before the last numbered item (attachment lists aside) belong to the item above
  // them: a bulletin may give an item's target and progress their own paragraphs.
  let lastMarker = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const t = compactText(paragraphs[i] ?? '');
    // Attached material at the end; an attachment list near the top ("附件：1．…") is no end.
    if (/^附件[\d一二三四五六七八九十]*[:：]?/.test(t) && lastMarker >= 0) break;
    if (leadingMarker(paragraphs[i] ?? '')) lastMarker = i;
  }
  paragraphs.forEach((para, index) => {
    if (isChrome(para)) return;
    const t0 = compactText(para);
    if (/^附件[\d一二三四五六七八九十]*[:：]?/.test(t0)) {
      inAttachments = true;
      free.push(index);
      return;
    }
    const marker = leadingMarker(para);
    // "附件：1.…表 2.…办法": the names of attachments are no tasks.
    if (inAttachments && marker && !/[，,。；;]/.test(marker.rest) && marker.rest.length < 60) {
      free.push(index);
      return;
    }
    // The attachment list ends at the first line that is no numbered name (a signature, a title).
    inAttachments = false;
    // "工作要求" on a line of its own after the items: what follows is how the plan is run.
    if (!marker && items.length > 0 && t0.length <= 12 && CLOSING_SECTION.test(t0.replace(/[:：]$/, ''))) {
      inFraming = true;
      free.push(index);
      return;
    }
    if (inFraming && (!marker || marker.style !== 'cn' || FRAMING.test(compactText(marker.rest)))) {
      free.push(index);
      return;
    }
    inFraming = false;
    // A category line without an ordinal: "就业创业（3项）", "社会保障方面（5件）".
    // "就业创业方面", "教育卫生类" on a line of their own name one too.
    if (
      !marker &&
      (/^[\u4e00-\u9fa5、和与及]{2,16}[（(](?:共)?\d+[项件个][)）]$/.test(t0) ||
        /^[\u4e00-\u9fa5、和与及]{2,12}(?:方面|类)$/.test(t0))
    ) {
      items.push({
        style: 'head',
        number: items.filter((it) => it.style === 'head').length + 1,
        text: t0,
        paragraph: index,
      });
      return;
    }
    // "责任单位：…", "进展情况：…" on their own line belong to the item above.
    const lastItem = items[items.length - 1];
    if (!marker && lastItem && (ITEM_LABEL.test(t0) || isUnitBracketLine(t0))) {
      lastItem.text += `\n${para.trim()}`;
      lastItem.paragraph = index;
      return;
    }
    // Items run together in one paragraph: "(1)…(2)…" after a heading or nothing.
    for (const style of ['pnum', 'circ', 'num', 'pcn'] as MarkerStyle[]) {
      const body = marker ? marker.rest : toHalfWidth(para);
      const sameStyle = marker?.style === style;
      const first = sameStyle && marker ? marker.number + 1 : 1;
      const parts = splitRun(body, style, first);
      if (!parts) continue;
      const head = parts[0]?.number === 0 ? parts[0].text : '';
      if (marker && !sameStyle && compactText(head).length > 30) continue;
      if (marker) {
        items.push({ style: marker.style, number: marker.number, text: head, paragraph: index });
      } else if (head) {
        free.push(index);
      }
      for (const p of parts)
        if (p.number > 0) items.push({ style, number: p.number, text: p.text, paragraph: index });
      return;
    }
    if (marker) {
      items.push({ style: marker.style, number: marker.number, text: marker.rest.trim(), paragraph: index });
      return;
    }
    // A wrapped line continues the item before it when that item has not ended.
    const last = items[items.length - 1];
    const t = compactText(para);
    const unterminated = last?.paragraph === index - 1 && !/[。；;！!？?）)】]$/.test(compactText(last.text));
    const reportsProgress =
      /^(?:截至|截止|目前|当前|今年以来|年初以来|\d{1,2}月份?以来|1[-—–~至]\d{1,2}月)/.test(t);
    if (
      last &&
      t.length > 0 &&
      !SUMS_UP.test(t) &&
      !(!unterminated && !reportsProgress && endsList(last.text, t)) &&
      (unterminated || index < lastMarker || (reportsProgress && last.paragraph === index - 1))
    ) {
      last.text += `\n${para.trim()}`;
      last.paragraph = index;
      return;
    }
    free.push(index);
  });
  return { items: items.filter((it) => compactText(it.text).length > 0 || it.style === 'cn'), free };
}

/** A paragraph that addresses the implementers or sums up the list: "以上…", "各地各部门要…". */
const CLOSING_PARAGRAPH =
  /^(?:以上|上述|各地|各级|各部门|各单位|各有关|各责任单位|各牵头单位|请各|望各|(?:全[省市县区州盟旗])?各(?:市|县|区|州|盟|旗|乡|镇|街道)[^，,。]{0,12}(?:要|务必|应当|须))/;

/** A paragraph that ends the list even after an unfinished item: "以上…", "各地各部门要…". */
const SUMS_UP = /^(?:以上|上述)|^(?:全[省市县区州盟旗])?各[^，,。；]{0,16}(?:要|务必|应当|须)/;

/**
 * Whether a paragraph after a finished item is no part of it: a closing paragraph, or any
 * paragraph once the item has content and has closed with its units ("…100个。（责任单位：A）").
 */
function endsList(itemText: string, paragraph: string): boolean {
  if (CLOSING_PARAGRAPH.test(paragraph)) return true;
  // "其中：城区3个，乡镇2个。" details the item above.
  if (/^(?:其中|包括|含)/.test(paragraph)) return false;
  const p = trailingParenthesis(itemText);
  if (!p) return false;
  const before = compactText(itemText.slice(0, p.start));
  if (!/[。；;，,]/.test(before)) return false;
  const inner = compactText(p.inner);
  return looksLikeUnitList(inner) || readUnitBracket(inner) !== null;
}

/** A parenthesis at the end of an item: "…；(人社局、各开发区)" → its inner text and where it starts. */
function trailingParenthesis(text: string): { inner: string; start: number } | null {
  const t = text.replace(/[\s。；;，,.]+$/, '');
  const close = t[t.length - 1];
  if (close !== ')' && close !== '）' && close !== '】') return null;
  // "【县人社局】": a lenticular bracket pairs only with its own kind.
  const closers = close === '】' ? '】' : ')）';
  const openers = close === '】' ? '【' : '(（';
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const ch = t[i] ?? '';
    if (closers.includes(ch)) depth++;
    else if (openers.includes(ch)) {
      depth--;
      if (depth === 0) return { inner: t.slice(i + 1, t.length - 1), start: i };
    }
  }
  return null;
}

/** Units and deadline written inside a prose item; the rest is its content. */
function splitProseItem(text: string): {
  content: string;
  units: TaskUnit[];
  deadlineText: string | null;
  status: string | null;
} {
  let t = text.trim();
  let units: TaskUnit[] = [];
  let deadlineText: string | null = null;
  let status: string | null = null;
  for (let guard = 0; guard < 4; guard++) {
    const p = trailingParenthesis(t);
    if (!p) break;
    const inner = compactText(p.inner);
    // "（责任单位：A、B；完成时限：2023年12月）": units and deadline in one bracket.
    if (/(?:完成时限|完成时间|时限)[:：]/.test(inner) && /(?:单位|部门|牵头|配合)[:：]/.test(inner)) {
      for (const part of inner.split(/[；;]/)) {
        const dl = /^(?:完成时限|完成时间|时限)[:：](.+)$/.exec(part);
        if (dl) deadlineText = dl[1] ?? null;
        else
          units = [...units, ...parseUnits(part)].map((u, i) => ({
            name: u.name,
            role: i === 0 ? 'lead' : 'co',
          }));
      }
      t = t.slice(0, p.start).replace(/\s+$/, '');
      continue;
    }
    // "…占年计划64%。（推进缓慢）": the status word the item reports.
    if (status === null && statusWord(inner)) {
      status = statusWord(inner);
      t = t.slice(0, p.start).replace(/\s+$/, '');
      continue;
    }
    const dl =
      /^(?:完成时限|完成时间|时限)[:：](.+)$/.exec(inner) ??
      /^((?:(?:19|20)\d{2}年)?(?:\d{1,2}月|[一二三四]季度|年底|年内|上半年|下半年)[^，,。；;]{0,6}?)(?:前|之前)?完成$/.exec(
        inner,
      );
    if (dl) {
      deadlineText = dl[1] ?? null;
      if (deadlineText && /前完成$/.test(inner) && !/前$/.test(deadlineText)) deadlineText += '前';
      t = t.slice(0, p.start).replace(/\s+$/, '');
      continue;
    }
    if (units.length === 0 && looksLikeUnitList(inner)) {
      units = parseUnits(inner);
      t = t.slice(0, p.start).replace(/\s+$/, '');
      continue;
    }
    // "（牵头：A；配合：B）", "（责任单位：A、B；完成时限：2023年12月）".
    const bracket = units.length === 0 ? readUnitBracket(inner) : null;
    if (bracket) {
      units = bracket.units;
      deadlineText ??= bracket.deadlineText;
      t = t.slice(0, p.start).replace(/\s+$/, '');
      continue;
    }
    break;
  }
  // "责任单位：市人社局、市财政局" at the end of an item.
  if (units.length === 0) {
    const m = /(?:牵头单位|责任单位|责任部门|牵头部门)[:：]([^。]+?)[。]?$/.exec(compactText(t));
    if (m?.[1] && m.index > 0) {
      // "责任单位：县城管局，完成时限：年底": the deadline after the units.
      const tail = /[，,；;]\s*(?:完成时限|完成时间|完成期限|时限)[:：](.+)$/.exec(m[0]);
      if (tail?.[1] && deadlineText === null)
        deadlineText = tail[1].replace(/[。；;，,]+$/, '').replace(/完成$/, '');
      units = parseUnits(tail ? m[0].slice(0, tail.index) : m[0]);
      // Punctuation printed before the units stays with the content; a bare comma does not.
      t = compactText(t)
        .slice(0, m.index)
        .replace(/[，,、\s]+$/, '');
    }
  }
  if (deadlineText === null) {
    const m = /[（(](?:完成时限|完成时间|时限)[:：]([^）)]+)[)）]/.exec(t);
    if (m) {
      deadlineText = m[1] ?? null;
      t = t.replace(m[0], '');
    }
  }
  return { content: compactText(t), units, deadlineText, status };
}

const PROGRESS_START =
  /^(?:截至|截止|目前|当前|今年以来|年初以来|1[-—–~至]\d{1,2}月|\d{1,2}月份?以来|上半年|前三季度|已)/;

/** "关于城镇新增就业。截至6月底，…" → content "关于城镇新增就业", progress "截至6月底，…". */
export function splitProgress(content: string): { content: string; progress: string | null } {
  const sentences = content.split(/(?<=[。；;])/);
  for (let i = 1; i < sentences.length; i++) {
    if (PROGRESS_START.test(sentences[i] ?? '')) {
      const before = sentences.slice(0, i).join('');
      const after = sentences.slice(i).join('');
      return { content: before, progress: after };
    }
  }
  const m = /[，,]((?:截至|截止)[^，,]*[，,].*)$/.exec(content);
  if (m?.[1] && m.index > 0) return { content: content.slice(0, m.index), progress: m[1] };
  return { content, progress: null };
}

/** An item's labelled lines: "年度目标：…", "进展情况：…", "责任单位：…", "完成时限：…". */
function readLabelledLines(text: string): {
  head: string;
  content: string | null;
  progress: string | null;
  units: TaskUnit[] | null;
  deadline: string | null;
  status: string | null;
} {
  const out = {
    head: '',
    status: null as string | null,
    content: null as string | null,
    progress: null as string | null,
    units: null as TaskUnit[] | null,
    deadline: null as string | null,
  };
  const head: string[] = [];
  for (const line of text.split('\n')) {
    const t = compactText(line);
    const m = ITEM_LABEL.exec(t);
    if (!m) {
      if (out.content === null && out.progress === null && out.units === null) head.push(line);
      continue;
    }
    const value = t.slice(m[0].length);
    const label = m[0].slice(0, -1);
    // "进展评价：正常推进": the status word as printed.
    if (/评价|状态/.test(label)) out.status = value.replace(/[。；;，,]+$/, '') || null;
    else if (/单位|部门/.test(label)) out.units = [...(out.units ?? []), ...parseUnits(t)];
    else if (/时限|时间|期限|节点/.test(label))
      out.deadline = value.replace(/[。；;，,]+$/, '').replace(/完成$/, '') || null;
    else if (/情况|进展|进度/.test(label)) out.progress = value;
    else out.content = value;
  }
  out.head = head.join('\n');
  return out;
}

/**
 * A name before the item's text: "老旧小区改造：改造老旧小区120个…" → title "老旧小区改造";
 * a bulletin's "关于城镇新增就业。全年…" → title "城镇新增就业".
 */
function splitItemTitle(text: string): { title: string | null; content: string } {
  const bracket = /^【([^】]{1,24})】/.exec(text);
  if (bracket?.[1] && text.length > bracket[0].length)
    return { title: bracket[1], content: text.slice(bracket[0].length) };
  const about = /^关于([^，,。；;：:]{2,24})[。：:]/.exec(text);
  if (about?.[1] && text.length > about[0].length)
    return { title: about[1], content: text.slice(about[0].length) };
  // "城市更新。改造老旧小区120个…": a short name as the item's first sentence.
  const sentence = /^([^，,。；;：:、\d（）()“”"]{2,10})。/.exec(text);
  const rest = sentence ? text.slice(sentence[0].length) : '';
  if (sentence?.[1] && /\d/.test(rest) && !/^(?:其中|目标|任务|内容)$/.test(sentence[1]))
    return { title: sentence[1], content: rest };
  const named = /^([^，,。；;：:、\d（）()“”"]{2,16})[：:]/.exec(text);
  if (
    named?.[1] &&
    text.length > named[0].length &&
    !/^(?:其中|目标|任务|内容|责任单位|牵头单位)$/.test(named[1])
  ) {
    return { title: named[1], content: text.slice(named[0].length) };
  }
  return { title: null, content: text };
}

/** Sections of a notice whose items are not tasks. */
const FRAMING =
  /^(?:总体目标|发展目标|目标要求|基本要求|工作原则|指导原则|重要意义|实施范围|资金保障|资金来源|监督管理|考核办法|存在的?(?:主要)?(?:问题|困难)|主要问题|困难和问题|问题和困难|下一步|下步|今后工作|工作打算|工作建议|几点建议|有关建议|组织实施|督查考核|考核评估|附则|总体要求|指导思想|基本原则|工作目标|主要目标|保障措施|工作要求|组织保障|工作措施|实施步骤|有关要求|工作机制|组织领导|推进措施|相关要求|时间安排|进度安排|工作步骤|责任分工|工作保障|强化保障|加强领导|高度重视)/;
/** Sections that hold the tasks without naming a category. */
const GENERIC_SECTION =
  /^(?:主要任务|重点任务|具体任务|工作任务|目标任务|重点工作|主要内容|民生实事项目|项目安排|重点项目|实事项目|任务安排)[:：]?$/;

const isBareHeading = (text: string): boolean => {
  const t = compactText(text.split('\n')[0] ?? '');
  return t.length <= 24 && !/[。；;，,：:]/.test(t) && text.split('\n').filter((l) => l.trim()).length === 1;
};

/** Whether every item of a level is a bare heading over items of the next level that are sentences. */
function headsNextLevel(items: ProseItem[], styles: MarkerStyle[], level: number): boolean {
  const style = styles[level];
  const next = styles[level + 1];
  let heads = 0;
  let children = 0;
  let sentences = 0;
  let withChildren = 0;
  let seenChild = true;
  for (const it of items) {
    if (it.style === style) {
      if (!seenChild) return false;
      if (!isBareHeading(it.text)) return false;
      heads++;
      seenChild = false;
    } else if (it.style === next && heads > 0) {
      if (!seenChild) withChildren++;
      seenChild = true;
      children++;
      if (/[。；;，,]|\d/.test(it.text)) sentences++;
    }
  }
  return heads >= 2 && withChildren === heads && seenChild && children >= heads && sentences * 2 > children;
}

/** Tasks from paragraphs, when no table holds them. */
export function proseTasks(
  paragraphs: string[],
  declaredTasks: number | null,
  lenient = false,
): { drafts: TaskDraft[]; categories: CategoryDraft[]; firstTaskParagraph: number } {
  // Lenient: no section is taken for a framing one (when that reading leaves no task at all).
  const NOT_TASKS = lenient ? /^\b$/ : FRAMING;
  const { items } = collectItems(paragraphs);
  const none = { drafts: [], categories: [], firstTaskParagraph: -1 };
  if (items.length === 0) return none;
  const styles: MarkerStyle[] = [];
  const counts = new Map<MarkerStyle, number>();
  for (const it of items) if (!styles.includes(it.style)) styles.push(it.style);
  // Chapters like "一、总体要求" / "三、保障措施" do not count towards a style's tasks, nor do
  // the items under them ("三、保障措施" over "（一）加强组织领导").
  let framingLevel = -1;
  const counted: ProseItem[] = [];
  for (const it of items) {
    const level = styles.indexOf(it.style);
    if (framingLevel >= 0 && level > framingLevel) continue;
    framingLevel = -1;
    const first = compactText(it.text.split(/[\n。；]/)[0] ?? '');
    if (NOT_TASKS.test(first)) framingLevel = level;
    if (NOT_TASKS.test(first) || GENERIC_SECTION.test(first)) continue;
    counts.set(it.style, (counts.get(it.style) ?? 0) + 1);
    counted.push(it);
  }
  let taskIdx = -1;
  if (declaredTasks !== null) {
    for (let i = styles.length - 1; i >= 0; i--)
      if (counts.get(styles[i] as MarkerStyle) === declaredTasks) taskIdx = i;
  }
  if (taskIdx < 0) {
    const top = counts.get(styles[0] as MarkerStyle) ?? 0;
    // Top-level items that read as headings ("一、就业创业方面（３项）", "二、主要任务") hold the tasks.
    const topItems = items.filter((it) => it.style === styles[0]);
    const headings = topItems.filter((it) => {
      const t = compactText(it.text.split('\n')[0] ?? '');
      return t.length <= 24 && !/[。；;，,]/.test(t);
    }).length;
    taskIdx = 0;
    for (let i = 1; i < styles.length; i++) {
      const n = counts.get(styles[i] as MarkerStyle) ?? 0;
      if (n > top || (n >= 2 && headings * 2 >= topItems.length)) {
        taskIdx = i;
        break;
      }
    }
    // "二、项目安排" over "（一）就业社保" over "1.新增城镇就业2万人。": while every item of the chosen
    // level is a bare heading with items of the next level under it, the tasks are further down.
    while (taskIdx < styles.length - 1 && headsNextLevel(counted, styles, taskIdx)) taskIdx++;
  }
  const taskStyle = styles[taskIdx] as MarkerStyle;
  const catStyle = taskIdx > 0 ? (styles[taskIdx - 1] as MarkerStyle) : null;
  const drafts: TaskDraft[] = [];
  const categories: CategoryDraft[] = [];
  const byName = new Map<string, CategoryDraft>();
  let category: string | null = null;
  let current: TaskDraft | null = null;
  let currentText = '';
  let firstTaskParagraph = -1;
  // Items under "保障措施" and the like are how the plan is run, not tasks.
  let skipping = false;
  let framingSections = 0;
  // Inside a framing chapter above the categories ("三、保障措施").
  let chapterSkipping = false;
  const flush = (): void => {
    if (!current) return;
    const labelled = readLabelledLines(breakInlineLabels(currentText));
    // "进展：…完成率55.2%。（责任单位：市人社局）": the bracket closes the item, not the progress.
    for (const key of ['progress', 'content'] as const) {
      const value = labelled[key];
      if (value === null || labelled.units !== null) continue;
      const split = splitProseItem(value);
      if (split.units.length === 0 && split.deadlineText === null) continue;
      labelled[key] = split.content;
      if (split.units.length) labelled.units = split.units;
      labelled.deadline ??= split.deadlineText;
    }
    // A name on a line of its own ("一、关于城镇新增就业" over its paragraphs).
    let ownLineTitle: string | null = null;
    let head = labelled.head;
    const headLines = head.split('\n').filter((l) => l.trim());
    const firstLine = compactText(headLines[0] ?? '');
    const nameLike = firstLine.length <= 12 || /^关于/.test(firstLine);
    if (
      headLines.length > 1 &&
      labelled.content === null &&
      nameLike &&
      !/[。；;，,：:（(]/.test(firstLine)
    ) {
      ownLineTitle = firstLine.replace(/^关于/, '');
      head = headLines.slice(1).join('\n');
    }
    const { content: whole, units, deadlineText, status: itemStatus } = splitProseItem(head);
    if (itemStatus) current.status = itemStatus;
    const named = ownLineTitle ? { title: ownLineTitle, content: whole } : splitItemTitle(whole);
    let title = named.title;
    let content = named.content;
    if (labelled.content !== null) {
      // "（一）城镇新增就业（正常推进）" over "年度目标：…": the head names the task.
      const head = /^(.*?)[（(]([^（）()]{2,8})[)）]$/.exec(whole);
      const status = head?.[2] ? statusWord(head[2]) : null;
      title = (status ? head?.[1] : whole)?.replace(/[。；;：:，,]+$/, '') || title;
      if (status) current.status = status;
      content = labelled.content;
    }
    current.title = title;
    current.content = content;
    current.units = labelled.units ?? units;
    current.deadlineText = labelled.deadline ?? deadlineText;
    if (labelled.progress !== null) current.progressText = labelled.progress;
    if (labelled.status !== null) current.status = labelled.status;
    if (current.content) drafts.push(current);
    current = null;
    currentText = '';
  };
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (!it) continue;
    const level = styles.indexOf(it.style);
    if (it.style === taskStyle) {
      flush();
      if (skipping) continue;
      // "三、工作建议" among the tasks: a framing section, its text no task.
      const own = compactText(it.text.split(/[\n。；]/)[0] ?? '');
      if (own.length <= 12 && NOT_TASKS.test(own)) continue;
      if (firstTaskParagraph < 0) firstTaskParagraph = it.paragraph;
      current = {
        number: it.number,
        category,
        title: null,
        content: '',
        units: [],
        deadlineText: null,
        progressText: null,
        status: null,
        target: null,
        done: null,
      };
      currentText = it.text;
    } else if (catStyle !== null && it.style === catStyle) {
      flush();
      // "（一）加强组织领导" under "三、保障措施": no category, and no tasks under it.
      if (chapterSkipping) {
        category = null;
        skipping = true;
        continue;
      }
      // A heading is a category only when tasks follow it.
      let hasTasks = false;
      for (let j = k + 1; j < items.length; j++) {
        const s = items[j]?.style;
        if (s === catStyle) break;
        if (s === taskStyle) {
          hasTasks = true;
          break;
        }
      }
      const heading = compactText(it.text.split(/[\n。；]/)[0] ?? it.text);
      if (!hasTasks || NOT_TASKS.test(heading)) {
        category = null;
        skipping = hasTasks || NOT_TASKS.test(heading);
        if (NOT_TASKS.test(heading)) framingSections++;
        continue;
      }
      skipping = false;
      const label =
        GENERIC_SECTION.test(heading) || FRAMING.test(heading) ? null : parseCategoryLabel(heading);
      category = null;
      if (label) {
        const existing = byName.get(label.name);
        if (!existing) {
          byName.set(label.name, label);
          categories.push(label);
        }
        category = label.name;
      }
    } else if (level > taskIdx && current && !skipping) {
      currentText += `\n${it.text}`;
    } else if (level < (catStyle ? taskIdx - 1 : taskIdx)) {
      flush();
      category = null;
      skipping = NOT_TASKS.test(compactText(it.text));
      chapterSkipping = skipping;
    }
  }
  flush();
  // One heading over all tasks beside "总体要求" / "保障措施" / "下一步工作" is a chapter of the
  // document ("二、项目安排", "一、各项民生实事进展情况"), not a category of its tasks.
  const only = categories[0];
  if (categories.length === 1 && only && framingSections > 0 && only.declaredTasks === null) {
    categories.length = 0;
    for (const d of drafts) if (d.category === only.name) d.category = null;
  }
  // Every numbered item sat under a "framing" heading ("二、工作目标" holding the list): read again
  // without taking any section for framing.
  if (drafts.length === 0 && !lenient) return proseTasks(paragraphs, declaredTasks, true);
  return { drafts, categories, firstTaskParagraph };
}
