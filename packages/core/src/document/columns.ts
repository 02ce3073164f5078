/**
 * Column headers of 民生实事 tables: which words make a header row and what each column holds.
 */
import { compactText } from '../text/normalize';

export type ColumnRole =
  | 'serial'
  | 'category'
  | 'title'
  | 'content'
  | 'units'
  | 'coUnits'
  | 'deadline'
  | 'progress'
  | 'status'
  | 'measure'
  | 'target'
  | 'done'
  | 'percent'
  | 'other';

const HEADER_WORD =
  /^(?:序号|编号|序|No\.?|NO\.?|类别|类型|分类|方面|领域|板块|大类|.{0,4}名称|.{0,4}项目|事项|.{0,4}实事|.{0,6}内容|.{0,6}任务|.{0,6}目标|.{0,4}单位|.{0,4}部门|.{0,2}时限|.{0,2}完成时间(?:节点)?|.{0,2}时间节点|完成期限|完成日期|.{0,10}情况|.{0,4}进展|.{0,4}进度|.{0,2}地点|备注|.{0,4}状态|.{0,4}评价|.{0,4}指标|已完成数?|完成数|累计完成|实际完成|.{0,4}之比|完成比例|完成率|占比|责任人|.{0,2}领导|计量单位|说明|.{0,4}投资.{0,4}|.{0,4}资金.{0,4})$/;

/** "完成\n时限" → true: a word that heads a column of a 民生实事 table. */
export function isHeaderWord(text: string): boolean {
  const c = compactText(text);
  if (c.length === 0 || c.length > 24) return false;
  const t = c.replace(/[（(][^）)]*[)）]$/, '');
  return t.length > 0 && t.length <= 14 && HEADER_WORD.test(t);
}

/** A serial-number heading: 序号, 编号. */
export function isSerialHeader(text: string): boolean {
  return /^(?:序号|编号|序|No\.?)$/i.test(compactText(text));
}

/** Whether cells make a header row: mostly header words, at least two of them. */
export function isHeaderRow(cells: string[]): boolean {
  const nonEmpty = cells.map((c) => compactText(c)).filter(Boolean);
  if (nonEmpty.length < 2) return false;
  const words = nonEmpty.filter((c) => isHeaderWord(c)).length;
  if (words < 2 || words < nonEmpty.length * 0.6) return false;
  const roles = classifyColumns(cells);
  return roles.some((r) => r === 'content' || r === 'title') && roles.some((r) => r !== 'other');
}

function roleOf(h: string, indicatorTable: boolean): ColumnRole {
  if (!h) return 'other';
  if (/^(?:序号|编号|序|No\.?)$/i.test(h)) return 'serial';
  if (/类别|类型|分类|方面|领域|板块|大类/.test(h)) return 'category';
  if (/配合单位|协办单位|配合部门|参与单位|协同单位/.test(h)) return 'coUnits';
  if (/^(?:计量)?单位$/.test(h) && indicatorTable) return 'measure';
  if (/计量单位/.test(h)) return 'measure';
  if (/单位|部门|责任主体|责任人/.test(h) && !/单位名称/.test(h)) return 'units';
  if (/时限|完成时间|时间节点|完成期限|完成日期/.test(h)) return 'deadline';
  if (/之比|比例|完成率|占比|百分比|^占年(?:度|计划)|^完成进度$/.test(h)) return 'percent';
  // Outside an indicator table "累计完成" holds what was done, in words: a progress text.
  if (/^(?:已完成数?|完成数|累计完成(?:数)?|实际完成(?:数)?|已完成量)$/.test(h))
    return indicatorTable ? 'done' : 'progress';
  if (/状态|评价/.test(h)) return 'status';
  // A schedule ("进度安排", "推进计划", "时间安排") is part of the plan, not a report of progress.
  if (/(?:进度|时间|时序|推进)(?:安排|计划|要求)|计划进度/.test(h)) return 'other';
  if (/情况|进展|进度|推进/.test(h)) return 'progress';
  if (/备注/.test(h)) return 'status';
  if (indicatorTable && /目标|任务数|计划数|目标值/.test(h)) return 'target';
  if (/指标/.test(h)) return 'content';
  if (/名称/.test(h) || /^(?:项目|事项|实事项目|民生实事项目|民生项目|实事)$/.test(h)) return 'title';
  if (/内容|任务|实事|目标|措施/.test(h)) return 'content';
  return 'other';
}

/**
 * What each column holds, from its header: "序号 名称 内容 责任单位 落实情况 备注 完成时限" →
 * serial title content units progress status deadline. A 名称 column without a 内容 column
 * holds the content; "单位" beside 指标 and 目标 columns is the measure of the target.
 */
export function classifyColumns(headers: string[]): ColumnRole[] {
  const hs = headers.map((h) => compactText(h).replace(/[（(][^）)]*[)）]$/, ''));
  const measure = hs.some((h) => /^(?:计量)?单位$/.test(h));
  const done = hs.some((h) => /^(?:已完成数?|完成数|累计完成(?:数)?|实际完成(?:数)?|已完成量)$/.test(h));
  const indicatorTable = (hs.some((h) => /指标/.test(h)) && (measure || done)) || (measure && done);
  const roles = hs.map((h) => roleOf(h, indicatorTable));
  // "进度（%）", "完成（%）": a column of percentages.
  headers.forEach((h, i) => {
    if (/[（(]\s*[%％]\s*[)）]$/.test(compactText(h)) && (roles[i] === 'progress' || roles[i] === 'other'))
      roles[i] = 'percent';
  });
  // "责任人" / "联系人" beside a units column names people, not units.
  if (hs.some((h) => /单位|部门/.test(h)))
    hs.forEach(
      (h, i) => /^(?:责任人|联系人|负责人|责任领导|牵头领导|分管领导)$/.test(h) && (roles[i] = 'other'),
    );
  // "牵头单位" beside "责任单位": the second names the co-operating units.
  const lead = hs.findIndex((h) => /牵头/.test(h));
  if (lead >= 0) hs.forEach((h, i) => i !== lead && roles[i] === 'units' && (roles[i] = 'coUnits'));
  if (!roles.includes('content')) {
    const t = roles.indexOf('title');
    if (t >= 0) roles[t] = 'content';
  }
  // One column of each role; later duplicates are kept as other columns (units excepted).
  const seen = new Set<ColumnRole>();
  return roles.map((r) => {
    if (r === 'other') return r;
    if (seen.has(r)) return r === 'progress' || r === 'status' ? r : 'other';
    seen.add(r);
    return r;
  });
}
