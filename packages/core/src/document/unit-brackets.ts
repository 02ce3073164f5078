/**
 * The bracket after a numbered item that names who does it and by when, in its many forms:
 * "（人社局、各开发区）", "【县人社局】", "（牵头：A；配合：B）", "（牵头单位：A；配合单位：B）",
 * "（责任单位：A，配合单位：B、C）", "（责任单位：A、B；完成时限：2023年12月）".
 */
import type { TaskUnit } from '../model';
import { compactText } from '../text/normalize';
import { looksLikeUnitList, parseUnits } from '../units/parse-units';

const DEADLINE_LABEL = /^(?:完成时限|完成时间|完成期限|时限|时间节点|截止时间)[:：]/;
const UNIT_LABEL =
  /^(?:牵头单位|牵头部门|责任单位|责任部门|主责单位|承办单位|实施单位|配合单位|协办单位|配合部门|参与单位|牵头|配合|协办|负责)[:：]/;

/** An unlabelled deadline: "2023年10月底前完成", "年底前", "6月30日前完成". */
const DEADLINE_PHRASE =
  /^(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日)?|[一二三四]季度|年底|年内|上半年|下半年|全年)[底末中旬上下前内]*(?:之前|前)?(?:完成|建成|竣工)?$/;

/** Splits on "；" (and "，" before a deadline) outside inner brackets. */
function groupsOf(inner: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let current = '';
  const chars = [...inner];
  chars.forEach((ch, i) => {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    const rest = chars.slice(i + 1).join('');
    const labelAfter = DEADLINE_LABEL.test(rest) || DEADLINE_PHRASE.test(rest);
    if (depth === 0 && (ch === '；' || ch === ';' || ((ch === '，' || ch === ',') && labelAfter))) {
      groups.push(current);
      current = '';
      return;
    }
    current += ch;
  });
  groups.push(current);
  return groups.map((g) => compactText(g)).filter(Boolean);
}

/**
 * The units and deadline a bracket names; null when it is no such bracket (a qualifier like
 * "（含“一老一小”）" or "（市、区）").
 */
export function readUnitBracket(inner: string): { units: TaskUnit[]; deadlineText: string | null } | null {
  const groups = groupsOf(compactText(inner));
  if (groups.length === 0) return null;
  let deadlineText: string | null = null;
  const unitGroups: string[] = [];
  for (const g of groups) {
    const dl = DEADLINE_LABEL.exec(g);
    if (dl) {
      deadlineText = g.slice(dl[0].length).replace(/完成$/, '') || null;
      continue;
    }
    // Beside units only: "（区卫健局，2023年10月底前完成）".
    if (DEADLINE_PHRASE.test(g) && groups.length > 1) {
      deadlineText = g.replace(/(?:完成|建成|竣工)$/, '') || null;
      continue;
    }
    // "责任领导：张三": people named beside the units are no units.
    if (/^(?:责任领导|分管领导|牵头领导|联系领导|责任人|联系人|负责人)[:：]/.test(g)) continue;
    if (UNIT_LABEL.test(g) || looksLikeUnitList(g)) {
      unitGroups.push(g);
      continue;
    }
    return null;
  }
  const units = unitGroups.length ? parseUnits(unitGroups.join('；')) : [];
  if (units.length === 0 && deadlineText === null) return null;
  return { units, deadlineText };
}

/** A line that is only such a bracket: "（责任单位：盟卫健委）", "（完成时限：2021年11月）". */
export function isUnitBracketLine(line: string): boolean {
  const t = compactText(line).replace(/[。；;，,]$/, '');
  const m = /^[（(【](.+)[)）】]$/.exec(t);
  if (!m?.[1]) return false;
  const inner = m[1];
  // "（市人社局、各县区政府）" on its own line names units too.
  if (!DEADLINE_LABEL.test(inner) && !UNIT_LABEL.test(inner))
    return t.startsWith('【') ? false : looksLikeUnitList(inner);
  return readUnitBracket(inner) !== null;
}
