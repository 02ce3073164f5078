/**
 * Tasks written as prose: "一、就业创业方面（３项）" headings over "（一）…（二十八）" items,
 * "1、…；(人社局、各开发区)" items, "(1)…(15)" run together in one paragraph, bulletins
 * "一、关于…。截至6月底，…".
 */
import { compactText, parseChineseNumber, parseCircledNumber, toHalfWidth } from '../text/normalize';
import { looksLikeUnitList } from '../units/parse-units';
import { isChrome } from './metadata';

export type MarkerStyle = 'cn' | 'pcn' | 'num' | 'pnum' | 'numr' | 'circ' | 'head';

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
export const ITEM_LABEL =
  /^(?:牵头单位|配合单位|责任单位|责任部门|牵头部门|完成时限|完成时间|时间节点|年度目标|目标任务|工作目标|建设内容|主要内容|工作内容|进展情况|推进情况|完成情况|落实情况|工作进展|进度情况)[:：]/;

/** Paragraphs → numbered items, with run-together items split and wrapped lines joined. */
export function collectItems(paragraphs: string[]): { items: ProseItem[]; free: number[] } {
  const items: ProseItem[] = [];
  const free: number[] = [];
  let inAttachments = false;
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
    if (marker) inAttachments = false;
    // A category line without an ordinal: "就业创业（3项）", "社会保障方面（5件）".
    if (!marker && /^[\u4e00-\u9fa5、和与及]{2,16}[（(](?:共)?\d+[项件个][)）]$/.test(t0)) {
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
    if (!marker && lastItem && ITEM_LABEL.test(t0)) {
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
    if (
      last &&
      last.paragraph === index - 1 &&
      !/[。；;！!？?）)]$/.test(compactText(last.text)) &&
      t.length > 0
    ) {
      last.text += `\n${para.trim()}`;
      last.paragraph = index;
      return;
    }
    free.push(index);
  });
  return { items: items.filter((it) => compactText(it.text).length > 0 || it.style === 'cn'), free };
}
