import type { TaskUnit } from '../model';
import { compactText, fullWidthBrackets } from '../text/normalize';

/** Splits on a separator only outside brackets: "各县（市、区）、开发区" → two names. */
function splitOutsideBrackets(s: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(' || ch === '【' || ch === '[') depth += 1;
    else if ((ch === '）' || ch === ')' || ch === '】' || ch === ']') && depth > 0) depth -= 1;
    if (depth === 0 && separators.test(ch)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

const LABEL =
  /^(?:牵头单位|牵头部门|责任单位|责任部门|主责单位|承办单位|实施单位|配合单位|协办单位|配合部门|参与单位|牵头|配合|责任|协办)[:：]?/;
const LABEL_ANY =
  /(?:牵头单位|牵头部门|责任单位|责任部门|主责单位|承办单位|实施单位|配合单位|协办单位|配合部门|参与单位)[:：]/g;
const CO_LABEL = /^(?:配合单位|协办单位|配合部门|参与单位|配合|协办)/;

function cleanName(raw: string): string {
  let n = compactText(raw)
    .replace(LABEL, '')
    .replace(/[（(](?:牵头|配合|协办|负责)[)）]$/, '');
  n = n.replace(/^[\s:：;；,，、。.]+|[\s:：;；,，、。.]+$/g, '');
  n = n.replace(/等$/, '');
  return fullWidthBrackets(n);
}

const ORG_SUFFIX =
  /(?:局|委|办|厅|院|会|中心|政府|区|县|市|队|部|所|室|公司|集团|管委会|街道|镇|乡|站|馆|社|行|处|署|团|组|台|联|司|科|校|园)$/;

/**
 * The responsible units a cell or a parenthesis names, the first the lead, the rest co:
 * "市人社局\n各县(市)区\n开发区" → [市人社局 lead, 各县（市）区 co, 开发区 co].
 * "牵头单位：市教育局；配合单位：市财政局" → [市教育局 lead, 市财政局 co].
 */
export function parseUnits(text: string): TaskUnit[] {
  const units: TaskUnit[] = [];
  const seen = new Set<string>();
  // Line breaks separate units; layout spaces inside one line do not ("残  联").
  const rawLines = (text ?? '').replace(/\r/g, '').split(/\n/);
  // A name wrapped across lines ("市食药\n监局") is one name: a line that does not end a name
  // joins the next.
  const lines: string[] = [];
  let carry = '';
  for (const raw of rawLines) {
    const line = carry + raw;
    const t = compactText(line);
    if (t && !ORG_SUFFIX.test(t) && !/[、，,/／;；）)]$/.test(t)) {
      carry = t;
      continue;
    }
    carry = '';
    lines.push(line);
  }
  if (carry) lines.push(carry);
  let forceCo = false;
  for (const line of lines) {
    // "市人社局 市财政局": names set apart by spaces, each a whole name.
    const spaced = line.trim().split(/[ \u3000\t]+/);
    const lineText =
      spaced.length >= 2 && spaced.every((p) => compactText(p).length >= 2 && ORG_SUFFIX.test(compactText(p)))
        ? spaced.join('、')
        : line;
    const groups = splitOutsideBrackets(lineText, /[;；]/);
    for (const group of groups) {
      const g = compactText(group);
      if (!g) continue;
      const co = CO_LABEL.test(g);
      if (co) forceCo = true;
      for (const piece of splitOutsideBrackets(g.replace(LABEL, ''), /[、，,/／]/)) {
        const name = cleanName(piece);
        if (!name || seen.has(name)) continue;
        seen.add(name);
        // "市财政局（牵头）" leads wherever it is named.
        if (/[（(]牵头[)）]$/.test(compactText(piece))) {
          for (const u of units) u.role = 'co';
          units.unshift({ name, role: 'lead' });
          continue;
        }
        units.push({ name, role: units.length === 0 && !forceCo ? 'lead' : 'co' });
      }
    }
  }
  return units;
}

/**
 * Whether a parenthesis after an item lists units rather than qualifying the text:
 * "人社局、各开发区" yes; "市、区" inside "示范县（市、区）" no (too short to be names).
 */
export function looksLikeUnitList(inner: string): boolean {
  const t = compactText(inner).replace(LABEL_ANY, '、');
  if (!t || t.length > 120) return false;
  if (/\d|[。：:！？]/.test(t)) return false;
  const pieces = splitOutsideBrackets(t, /[、，,/／;；]/)
    .map((p) => cleanName(p))
    .filter(Boolean);
  if (pieces.length === 0) return false;
  if (pieces.some((p) => p.length < 2 || p.length > 24)) return false;
  return pieces.filter((p) => ORG_SUFFIX.test(p)).length >= Math.ceil(pieces.length / 2);
}
