import type {
  ImportHints,
  ImportWarning,
  Indicator,
  PlanCategory,
  PlanDocument,
  PlanTask,
  SourceDocument,
  TaskProgress,
  TaskUnit,
} from '../model';
import { parseDeadline } from '../deadline/parse-deadline';
import { extractIndicators } from '../indicators/extract-indicators';
import { checkStatedPercent, extractProgress } from '../progress/extract-progress';
import { compactText } from '../text/normalize';
import { looksLikeUnitList, parseUnits } from '../units/parse-units';
import {
  findDeclared,
  findDocNumber,
  findIssuer,
  findJurisdiction,
  findShortFormPlace,
  findPeriod,
  findReportingBody,
  findReportDate,
  findTitle,
  findYear,
  isChrome,
} from './metadata';
import type { MarkerStyle } from './prose-tasks';
import { ITEM_LABEL, collectItems } from './prose-tasks';
import type { CategoryDraft, TaskDraft } from './table-tasks';
import { parseCategoryLabel, readTable, statusWord } from './table-tasks';

const PROGRESS_TITLE = /进展|进度|落实情况|推进情况|完成情况|执行情况|情况通报|情况报告|情况表|督查通报/;
const PROGRESS_SENTENCE = /截至|截止|目前|已完成|已开工|完成年度|占年计划|占年度|完成率|累计完成|正在/;

function emptyDocument(hints: ImportHints): PlanDocument {
  return {
    kind: 'plan',
    title: null,
    issuer: null,
    docNumber: null,
    year: hints.year ?? null,
    jurisdiction: hints.jurisdiction ?? null,
    reportDate: null,
    period: null,
    declared: { categories: null, tasks: null },
    categories: [],
    tasks: [],
    warnings: [],
  };
}

/** A parenthesis at the end of an item: "…；(人社局、各开发区)" → its inner text and where it starts. */
function trailingParenthesis(text: string): { inner: string; start: number } | null {
  const t = text.replace(/[\s。；;，,.]+$/, '');
  const close = t[t.length - 1];
  if (close !== ')' && close !== '）') return null;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const ch = t[i];
    if (ch === ')' || ch === '）') depth++;
    else if (ch === '(' || ch === '（') {
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
    break;
  }
  // "责任单位：市人社局、市财政局" at the end of an item.
  if (units.length === 0) {
    const m = /(?:牵头单位|责任单位|责任部门|牵头部门)[:：]([^。]+?)[。]?$/.exec(compactText(t));
    if (m?.[1] && m.index > 0) {
      units = parseUnits(m[0]);
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
function splitProgress(content: string): { content: string; progress: string | null } {
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
} {
  const out = {
    head: '',
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
    if (/单位|部门/.test(label)) out.units = [...(out.units ?? []), ...parseUnits(t)];
    else if (/时限|时间/.test(label)) out.deadline = value.replace(/完成$/, '') || null;
    else if (/情况|进展/.test(label)) out.progress = value;
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
const NOT_TASKS =
  /^(?:总体要求|指导思想|基本原则|工作目标|主要目标|目标任务|保障措施|工作要求|组织保障|工作措施|实施步骤|有关要求|工作机制|组织领导|推进措施|相关要求|时间安排|进度安排|工作步骤|责任分工|工作保障|强化保障|加强领导|高度重视)/;
/** Sections that hold the tasks without naming a category. */
const GENERIC_SECTION =
  /^(?:主要任务|重点任务|具体任务|工作任务|重点工作|主要内容|民生实事项目|项目安排|重点项目|实事项目|任务安排)[:：]?$/;

/** Tasks from paragraphs, when no table holds them. */
function proseTasks(
  paragraphs: string[],
  declaredTasks: number | null,
): { drafts: TaskDraft[]; categories: CategoryDraft[]; firstTaskParagraph: number } {
  const { items } = collectItems(paragraphs);
  const none = { drafts: [], categories: [], firstTaskParagraph: -1 };
  if (items.length === 0) return none;
  const styles: MarkerStyle[] = [];
  const counts = new Map<MarkerStyle, number>();
  for (const it of items) {
    if (!styles.includes(it.style)) styles.push(it.style);
    counts.set(it.style, (counts.get(it.style) ?? 0) + 1);
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
      const t = compactText(it.text);
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
  const flush = (): void => {
    if (!current) return;
    const labelled = readLabelledLines(currentText);
    const { content: whole, units, deadlineText, status: itemStatus } = splitProseItem(labelled.head);
    if (itemStatus) current.status = itemStatus;
    const named = splitItemTitle(whole);
    let title = named.title;
    let content = named.content;
    if (labelled.content !== null) {
      // "（一）城镇新增就业（正常推进）" over "年度目标：…": the head names the task.
      const head = /^(.*?)[（(]([^（）()]{2,8})[)）]$/.exec(whole);
      const status = head?.[2] ? statusWord(head[2]) : null;
      title = (status ? head?.[1] : whole) || title;
      if (status) current.status = status;
      content = labelled.content;
    }
    current.title = title;
    current.content = content;
    current.units = labelled.units ?? units;
    current.deadlineText = labelled.deadline ?? deadlineText;
    if (labelled.progress !== null) current.progressText = labelled.progress;
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
      const heading = compactText(it.text.split(/[。；]/)[0] ?? it.text);
      if (!hasTasks || NOT_TASKS.test(heading)) {
        category = null;
        skipping = hasTasks;
        continue;
      }
      skipping = false;
      const label = GENERIC_SECTION.test(heading) ? null : parseCategoryLabel(heading);
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
    }
  }
  flush();
  // Numbering that restarts in each category becomes one sequence.
  const numbers = drafts.map((d) => d.number ?? 0);
  const restarts = numbers.some((nmb, i) => i > 0 && nmb <= (numbers[i - 1] ?? 0));
  if (restarts && categories.length > 1 && drafts.filter((d) => d.number === 1).length > 1) {
    drafts.forEach((d, i) => (d.number = i + 1));
  }
  return { drafts, categories, firstTaskParagraph };
}

/** "一、教育事业（3件）" → { name: "教育事业", declaredTasks: 3 }; null for other paragraphs. */
function categoryHeading(line: string): CategoryDraft | null {
  const t = compactText(line);
  if (t.length > 30 || /[。；;，,：:]/.test(t)) return null;
  if (
    !/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[类部])/.test(
      t,
    )
  )
    return null;
  return parseCategoryLabel(t);
}

/**
 * Numbering that starts again at 1 in each category ("一、教育 1. 2. 二、医疗 1. 2. 3.") becomes
 * one sequence, so that every task has its own number.
 */
function renumberRestarts(drafts: TaskDraft[]): void {
  let restarts = 0;
  for (let i = 1; i < drafts.length; i++) {
    const prev = drafts[i - 1];
    const d = drafts[i];
    if (!prev || !d || (d.number ?? 0) > (prev.number ?? 0)) continue;
    if (d.number !== 1 || d.category === prev.category) return;
    restarts++;
  }
  if (restarts > 0) drafts.forEach((d, i) => (d.number = i + 1));
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** "万人" → 10000 人, "亿元" → 1e8 元, "个" → 1 个. */
function measureScale(measure: string): { scale: number; unit: string | null } {
  const m = /^(万|亿|千|百)?(.*)$/.exec(measure) ?? [];
  const prefix = m[1];
  const unit = m[2] ?? '';
  const scale =
    prefix === '万'
      ? 1e4
      : prefix === '亿'
        ? 1e8
        : prefix === '千' && unit
          ? 1e3
          : prefix === '百' && unit
            ? 100
            : 1;
  if (!unit) return { scale: 1, unit: measure || null };
  return { scale, unit };
}

/** Rounds away binary noise: 1.52 × 10000 → 15200. */
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

const toNumber = (s: string): number | null => {
  const m = /-?\d+(?:\.\d+)?/.exec(s.replace(/,/g, ''));
  return m ? Number(m[0]) : null;
};

function buildTask(draft: TaskDraft, year: number | null, kind: PlanDocument['kind']): PlanTask {
  const content = draft.content;
  let indicators: Indicator[] = safe(() => extractIndicators(content), []);
  if (draft.target) {
    // An indicator table states subject, target and measure in their own cells.
    const { subject, value, measure } = draft.target;
    const v = toNumber(value);
    const { scale, unit } = measureScale(measure);
    if (v !== null) {
      indicators = [
        {
          subject: subject || null,
          value: round(v * scale),
          unit,
          comparator: '=',
          baseline: null,
          text: content,
        },
      ];
    }
  }
  let progress: TaskProgress | null = null;
  if (kind === 'progress') {
    if (draft.done) {
      const { scale, unit } = measureScale(draft.target?.measure ?? '');
      const v = toNumber(draft.done.value);
      const pct = toNumber(draft.done.percent);
      const text = [draft.done.value, draft.done.percent].filter(Boolean).join(' ');
      progress = {
        text,
        status: draft.status,
        statedPercent:
          pct === null ? null : /%|％/.test(draft.done.percent) || pct > 1.5 ? pct : round(pct * 100),
        values:
          v === null
            ? []
            : [
                {
                  subject: draft.target?.subject ?? null,
                  value: round(v * scale),
                  unit,
                  indicator: indicators.length ? 0 : null,
                },
              ],
      };
    } else if (draft.progressText !== null || draft.status !== null) {
      const text = draft.progressText ?? '';
      progress = safe(() => extractProgress(text, indicators, draft.status), {
        text,
        status: draft.status,
        statedPercent: null,
        values: [],
      });
      const pct = draft.percent ? toNumber(draft.percent) : null;
      if (pct !== null)
        progress.statedPercent = /%|％/.test(draft.percent ?? '') || pct > 1.5 ? pct : round(pct * 100);
    }
  }
  const task: PlanTask = {
    number: draft.number ?? 0,
    category: draft.category,
    title: draft.title,
    content,
    units: draft.units,
    deadline: draft.deadlineText ? parseDeadline(draft.deadlineText, year) : null,
    indicators,
    progress,
  };
  if (draft.done) FROM_INDICATOR_TABLE.add(task);
  return task;
}

/** Tasks read from an indicator table, whose one value and one target are known to pair. */
const FROM_INDICATOR_TABLE = new WeakSet<PlanTask>();

/** value ÷ target of the first value tied to an indicator, against the stated share. */
function ownPercentCheck(
  progress: TaskProgress,
  indicators: Indicator[],
): { stated: number; computed: number } | null {
  if (progress.statedPercent === null) return null;
  const v = progress.values.find((x) => x.indicator !== null);
  const target = v && v.indicator !== null ? indicators[v.indicator] : undefined;
  if (!v || !target || !target.value || target.unit === '%') return null;
  const computed = (v.value / target.value) * 100;
  return Math.abs(computed - progress.statedPercent) > 0.5
    ? { stated: progress.statedPercent, computed }
    : null;
}

function warn(code: ImportWarning['code'], message: string, task: number | null = null): ImportWarning {
  return { code, message, task };
}

function collectWarnings(doc: PlanDocument, truncated: boolean): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const { declared, categories, tasks } = doc;
  if (declared.tasks !== null && declared.tasks !== tasks.length) {
    warnings.push(warn('DECLARED_TASKS_MISMATCH', `正文称${declared.tasks}项，识别到${tasks.length}项`));
  }
  if (declared.categories !== null && declared.categories !== categories.length) {
    warnings.push(
      warn(
        'DECLARED_CATEGORIES_MISMATCH',
        `正文称${declared.categories}个方面，识别到${categories.length}个`,
      ),
    );
  }
  for (const c of categories) {
    if (c.declaredTasks === null) continue;
    const count = tasks.filter((t) => t.category === c.name).length;
    if (count !== c.declaredTasks) {
      warnings.push(warn('CATEGORY_COUNT_MISMATCH', `“${c.name}”称${c.declaredTasks}项，识别到${count}项`));
    }
  }
  if (categories.length > 0) {
    for (const t of tasks) {
      if (t.category === null)
        warnings.push(warn('TASK_WITHOUT_CATEGORY', `第${t.number}项未归入类别`, t.number));
    }
  }
  const seen = new Set<number>();
  let prev: number | null = null;
  for (const t of tasks) {
    if (seen.has(t.number)) warnings.push(warn('DUPLICATE_NUMBER', `序号${t.number}重复`, t.number));
    else if (prev !== null && t.number > prev + 1) {
      warnings.push(
        warn('NUMBERING_GAP', `序号${prev}之后是${t.number}，缺少${t.number - prev - 1}项`, t.number),
      );
    }
    seen.add(t.number);
    prev = Math.max(prev ?? t.number, t.number);
  }
  if (tasks.length && tasks[0] && tasks[0].number > 1) {
    warnings.push(warn('NUMBERING_GAP', `序号从${tasks[0].number}开始`, tasks[0].number));
  }
  const anyUnits = tasks.some((t) => t.units.length > 0);
  if (anyUnits) {
    for (const t of tasks)
      if (t.units.length === 0) warnings.push(warn('MISSING_UNITS', `第${t.number}项没有责任单位`, t.number));
  } else if (tasks.length) {
    warnings.push(warn('MISSING_UNITS', '文件未列出责任单位'));
  }
  for (const t of tasks) {
    // A deadline that only lacks the plan year is not unreadable: the year hint will date it.
    if (
      t.deadline &&
      t.deadline.date === null &&
      !(doc.year === null && parseDeadline(t.deadline.text, 2000)?.date)
    ) {
      warnings.push(
        warn('UNPARSED_DEADLINE', `第${t.number}项完成时限“${t.deadline.text}”无法解析为日期`, t.number),
      );
    }
    if (t.progress) {
      const check =
        safe(() => checkStatedPercent(t.progress as TaskProgress, t.indicators), null) ??
        (FROM_INDICATOR_TABLE.has(t) ? ownPercentCheck(t.progress, t.indicators) : null);
      if (check) {
        warnings.push(
          warn(
            'STATED_PERCENT_MISMATCH',
            `第${t.number}项称完成${check.stated}%，按数值计算为${Math.round(check.computed * 10) / 10}%`,
            t.number,
          ),
        );
      }
    }
  }
  if (truncated) warnings.push(warn('TRUNCATED_TABLE', '表格最后一行不完整（文件可能被截断），已略去该行'));
  return warnings;
}

function build(source: SourceDocument, hints: ImportHints): PlanDocument {
  const doc = emptyDocument(hints);
  // Paragraph lines in order, and where the first task table sits among them.
  const paragraphs: string[] = [];
  const captions: string[] = [];
  let tableDrafts: TaskDraft[] = [];
  const tableCategories: CategoryDraft[] = [];
  let parasBeforeTable = -1;
  let hasProgressColumn = false;
  let truncated = false;
  let lastTableParagraphs = 0;
  let firstHeader = '';
  const blocks = source?.blocks ?? [];
  blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      for (const line of (block.text ?? '').split(/\r?\n/)) if (line.trim()) paragraphs.push(line);
      return;
    }
    const table = readTable(block.rows ?? []);
    // "一、教育事业（3件）" printed before a table is the category of its rows.
    const before = paragraphs[paragraphs.length - 1];
    const heading =
      before !== undefined && paragraphs.length > lastTableParagraphs ? categoryHeading(before) : null;
    if (heading && table.drafts.length && table.drafts.every((d) => d.category === null)) {
      for (const d of table.drafts) d.category = heading.name;
      if (!table.categories.some((c) => c.name === heading.name)) table.categories.unshift(heading);
    }
    lastTableParagraphs = paragraphs.length;
    if (table.drafts.length === 0) {
      if (tableDrafts.length === 0) captions.push(...table.captions);
      paragraphs.push(...table.paragraphs);
      return;
    }
    if (tableDrafts.length === 0) {
      parasBeforeTable = paragraphs.length;
      captions.push(...table.captions);
      firstHeader = table.headerKey;
    } else {
      // A later table continues the list when it repeats the header or runs on the numbering.
      const last = tableDrafts[tableDrafts.length - 1]?.number ?? 0;
      const first = table.drafts[0]?.number ?? 0;
      if (table.headerKey !== firstHeader && first !== last + 1) return;
    }
    // The same table printed twice (a web page's print copy) adds nothing.
    const seen = new Set(tableDrafts.map((d) => `${d.number}|${d.content}`));
    tableDrafts = tableDrafts.concat(table.drafts.filter((d) => !seen.has(`${d.number}|${d.content}`)));
    for (const c of table.categories) {
      const existing = tableCategories.find((x) => x.name === c.name);
      if (!existing) tableCategories.push(c);
      else existing.declaredTasks ??= c.declaredTasks;
    }
    hasProgressColumn ||= table.hasProgressColumn;
    truncated ||= table.truncated && index >= blocks.length - 2;
  });

  const useTables = tableDrafts.length > 0;
  const headEnd = useTables ? parasBeforeTable : paragraphs.length;
  const headCandidates = paragraphs.slice(0, headEnd).concat(captions);
  const title = findTitle(headCandidates) ?? findTitle(captions);
  doc.title = title;
  doc.docNumber = findDocNumber(headCandidates);
  doc.issuer = findIssuer(title, paragraphs) ?? findReportingBody(headCandidates);
  doc.jurisdiction =
    findJurisdiction(title, null) ??
    findJurisdiction(null, doc.issuer) ??
    findShortFormPlace(title, paragraphs) ??
    hints.jurisdiction ??
    null;

  let drafts: TaskDraft[];
  let categories: CategoryDraft[];
  let head: string[];
  if (useTables) {
    drafts = tableDrafts;
    categories = tableCategories;
    head = headCandidates;
  } else {
    // Declared counts come from the opening text, read before the items.
    const declaredGuess = findDeclared(
      paragraphs.slice(0, 12).filter((p) => !/^\s*[（(]?[一二三四五六七八九十\d]+[、.．)）]/.test(p)),
    );
    const prose = proseTasks(paragraphs, declaredGuess.tasks);
    drafts = prose.drafts;
    categories = prose.categories;
    head =
      prose.firstTaskParagraph >= 0 ? paragraphs.slice(0, prose.firstTaskParagraph) : paragraphs.slice(0, 10);
  }
  const headText = head.filter((l) => !isChrome(l));
  const titleFirst = title ? [title, ...headText] : headText;
  doc.declared = findDeclared(
    titleFirst.filter((l) => !/^\s*[（(]?[一二三四五六七八九十\d]+[、.．)）]/.test(l) || l === title),
  );
  doc.reportDate = findReportDate(
    paragraphs.filter((l) => !isChrome(l) || /填报|截至|截止/.test(l)).concat(captions),
  );
  let year = findYear(title, doc.docNumber, headText);
  if (year === null && doc.reportDate) {
    const [y, m] = doc.reportDate.split('-').map(Number);
    if (y && m && m > 1) year = y;
  }
  doc.year = year ?? hints.year ?? null;

  // Kind: a progress column, a progress title, or items that report progress.
  const progressTitle = title !== null && PROGRESS_TITLE.test(title);
  let kind: PlanDocument['kind'] = 'plan';
  if (useTables) kind = hasProgressColumn ? 'progress' : 'plan';
  else if (drafts.length) {
    const reporting = drafts.filter((d) => PROGRESS_SENTENCE.test(d.content)).length;
    if (progressTitle || reporting >= Math.max(1, drafts.length / 2)) {
      kind = 'progress';
      for (const d of drafts) {
        if (d.progressText !== null) continue;
        const split = splitProgress(d.content);
        if (split.progress !== null && split.content) {
          d.content = split.content;
          d.progressText = split.progress;
          // "一、城镇新增就业。全年新增城镇就业6万人。截至…": a bulletin item's name.
          const named = /^([^，,。；;：:、\d（）()“”"]{2,16})[。：:]/.exec(d.content);
          if (d.title === null && named?.[1] && d.content.length > named[0].length) {
            d.title = named[1];
            d.content = d.content.slice(named[0].length);
          }
        } else {
          d.progressText = d.content;
        }
        const word = /[，,；;。]\s*([^，,；;。]{2,8})[。；;]?$/.exec(d.progressText ?? '');
        d.status ??= word?.[1] ? statusWord(word[1]) : null;
      }
    }
  }
  doc.kind = kind;
  // A plan has no report date ("成文日期" is when it was signed).
  if (kind === 'plan') doc.reportDate = null;
  if (kind === 'progress' && doc.reportDate === null && doc.year !== null) {
    // "截至6月底，…" in the opening text dates the report: 2023-06-30.
    for (const line of headText) {
      const m = /(?:截至|截止)(?:(?:19|20)\d{2}年)?(\d{1,2})月(?:底|末)/.exec(compactText(line));
      if (m) {
        doc.reportDate = parseDeadline(`${m[1]}月底`, doc.year)?.date ?? null;
        break;
      }
    }
  }
  if (kind === 'progress') {
    const periodTexts = [...(title ? [title] : []), ...headText, ...captions];
    doc.period =
      findPeriod(periodTexts, doc.year) ??
      (useTables
        ? null
        : findPeriod(
            drafts.map((d) => d.progressText ?? ''),
            doc.year,
          ));
    // A year-end account ("2019年民生实事完成情况") covers the whole year.
    const month = doc.reportDate ? Number(doc.reportDate.slice(5, 7)) : null;
    if (doc.period === null && doc.year !== null && title && /完成情况|年终|全年/.test(title)) {
      if (month === null || month === 12 || month <= 2) doc.period = String(doc.year);
    }
  }

  renumberRestarts(drafts);
  doc.categories = categories.map((c, i): PlanCategory => ({
    ordinal: i + 1,
    name: c.name,
    declaredTasks: c.declaredTasks,
  }));
  doc.tasks = drafts.filter((d) => d.content).map((d) => buildTask(d, doc.year, kind));
  doc.warnings = collectWarnings(doc, truncated);
  return doc;
}

/**
 * Reads the structure of a 民生实事 document: the importer's core. Never throws; a document
 * with no tasks comes back with `tasks: []`.
 * 001 (吉林省, prose "一、就业创业方面（３项）" / "（一）城镇新增就业５０万人…") →
 * { title: "吉林省人民政府关于2017年民生实事的安排意见", year: 2017, declared: { categories: 7, tasks: 28 }, … }.
 */
export function buildPlanDocument(source: SourceDocument, hints: ImportHints = {}): PlanDocument {
  try {
    return build(source, hints ?? {});
  } catch {
    return emptyDocument(hints ?? {});
  }
}
