import type {
  ImportHints,
  ImportWarning,
  Indicator,
  PlanCategory,
  PlanDocument,
  PlanTask,
  SourceDocument,
  TaskProgress,
} from '../model';
import { findInlineDeadline, parseDeadline } from '../deadline/parse-deadline';
import { extractIndicators } from '../indicators/extract-indicators';
import { checkStatedPercent, extractProgress } from '../progress/extract-progress';
import { compactText } from '../text/normalize';
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
import { proseTasks, splitProgress } from './prose-tasks';
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
    } else if (draft.progressText !== null || draft.status !== null || draft.percent !== undefined) {
      const text = draft.progressText ?? '';
      // "年度目标3万人" under the name "城镇新增就业": the name tells what the target counts.
      const title = draft.title;
      const forMatching = title
        ? indicators.map((i) =>
            !i.subject || /^(?:年度|全年)?(?:目标|任务|计划)(?:任务)?$/.test(i.subject)
              ? { ...i, subject: `${title}${i.subject ?? ''}` }
              : i,
          )
        : indicators;
      progress = safe(() => extractProgress(text, forMatching, draft.status), {
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
    deadline: parseDeadline(draft.deadlineText ?? findInlineDeadline(content) ?? '', year),
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
    const table = readTable(block.rows ?? [], source.format === 'txt' || source.format === 'html');
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
        if (d.progressText !== null) {
          // "进展：…完成率55%，正常推进。": the status word the labelled progress ends with.
          const last = /[，,；;。]\s*([^，,；;。]{2,8})[。；;]?$/.exec(d.progressText);
          d.status ??= last?.[1] ? statusWord(last[1]) : null;
          continue;
        }
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
    // Else the date every item reports to ("截至9月底，全市新增…" in each item).
    const reported = drafts.map((d) => d.progressText ?? '').filter(Boolean);
    const sameDate = (texts: string[]): string[] => {
      const dates = texts.map(
        (t) => /(?:截至|截止)(?:(?:19|20)\d{2}年)?\d{1,2}月(?:底|末|\d{1,2}日)/.exec(compactText(t))?.[0],
      );
      const first = dates[0];
      return first && dates.length >= 2 && dates.every((x) => x === first) ? [first] : [];
    };
    for (const line of [...headText, ...sameDate(reported)]) {
      const m = /(?:截至|截止)(?:(?:19|20)\d{2}年)?(\d{1,2})月(底|末|\d{1,2}日)/.exec(compactText(line));
      if (m) {
        const day = /日$/.test(m[2] ?? '') ? (m[2] ?? '') : '底';
        doc.reportDate = parseDeadline(`${m[1]}月${day}`, doc.year)?.date ?? null;
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

  // Numbering that starts again at 1 in each category stays as printed (DUPLICATE_NUMBER).
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
