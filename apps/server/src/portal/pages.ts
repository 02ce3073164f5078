/**
 * The public pages, from presented (public-only) data to HTML. Every value goes through html``,
 * so text from documents and users is escaped wherever it lands.
 */
import type { PublicPlan, PublicPlanSummary, PublicTask, PublicTaskDetail } from '@minsheng/contract';
import type { SearchHit } from '../repositories/public.repository';
import { portalPaths } from '../presenters/public.presenter';
import type { SearchResult } from '../services/public/public.service';
import { formatAmount, formatChineseDate, formatPercent } from './format';
import { html, type Html, type HtmlValue } from './html';
import { renderPage, SITE_NAME, type Crumb } from './layout';

const yearCrumb = (year: number): Crumb => ({ label: `${year}年`, href: `/gongkai/archive/${year}` });
const archiveCrumb: Crumb = { label: '民生档案', href: '/gongkai/archive' };

function planCrumbs(plan: PublicPlanSummary): Crumb[] {
  return [
    archiveCrumb,
    yearCrumb(plan.year),
    { label: plan.jurisdiction.name, href: portalPaths.year(plan.jurisdiction.id, plan.year) },
  ];
}

/** "11大类、62件", as plans count themselves; "10件" when the plan has no categories. */
function countText(plan: PublicPlanSummary): string {
  return plan.categoryCount ? `${plan.categoryCount}大类、${plan.taskCount}件` : `${plan.taskCount}件`;
}

function taskHeading(task: PublicTask): string {
  if (task.title) return `${task.number}. ${task.title}`;
  const short = task.content.length > 40 ? `${task.content.slice(0, 40)}…` : task.content;
  return `${task.number}. ${short}`;
}

function units(task: PublicTask): Html {
  return html`<p>
    <strong>责任单位：</strong>${task.leadUnits.join('、') || '未填写'}${
      task.coUnits.length ? html`；<strong>配合单位：</strong>${task.coUnits.join('、')}` : ''
    }
  </p>`;
}

function deadline(task: PublicTask): Html {
  const text = task.deadlineText ?? (task.deadlineDate ? formatChineseDate(task.deadlineDate) : null);
  return html`<p>
    <strong>完成时限：</strong>${text ?? '未填写'}${
      task.deadlineText && task.deadlineDate
        ? html` <span class="muted">（${formatChineseDate(task.deadlineDate)}）</span>`
        : ''
    }
  </p>`;
}

function progressLine(task: PublicTask): Html {
  const p = task.progress;
  if (p.completion === null && p.rating === null && p.lastUpdate === null) {
    return html`<p class="muted">进展：暂无已公开的进展</p>`;
  }
  const pct = p.completion === null ? null : formatPercent(p.completion);
  return html`<div class="progress-line">
      ${
        pct === null
          ? ''
          : html`<progress
                max="100"
                value="${Math.min(100, Math.round((p.completion ?? 0) * 100))}"
                aria-label="完成进度 ${pct}"
              >
                ${pct}</progress
              ><span>完成 ${pct}</span>`
      }${p.rating ? html`<span class="rating rating-${p.rating}">${p.ratingLabel}</span>` : ''}${
        p.lastUpdate ? html`<span class="muted">最近更新：${formatChineseDate(p.lastUpdate)}</span>` : ''
      }
    </div>
    ${p.ratingReason ? html`<p class="muted">${p.ratingReason}</p>` : ''}`;
}

function downloads(plan: PublicPlanSummary): Html {
  const base = portalPaths.plan(plan.id);
  return html`<ul class="downloads" aria-label="下载数据">
    <li><a href="${base}.csv" download>下载 CSV</a></li>
    <li><a href="${base}.xlsx" download>下载 Excel（.xlsx）</a></li>
    <li><a href="${base}.json">JSON 数据</a></li>
    <li><a href="/api/public/plans/${plan.id}">接口</a></li>
  </ul>`;
}

function planFacts(plan: PublicPlanSummary): Html {
  return html`<dl class="facts">
    <dt>行政区</dt>
    <dd><a href="${portalPaths.year(plan.jurisdiction.id, plan.year)}">${plan.jurisdiction.name}</a></dd>
    <dt>年度</dt>
    <dd>${plan.year}年</dd>
    ${
      plan.issuer
        ? html`<dt>发布单位</dt>
            <dd>${plan.issuer}</dd>`
        : ''
    }
    ${
      plan.docNumber
        ? html`<dt>文号</dt>
            <dd>${plan.docNumber}</dd>`
        : ''
    }
    <dt>类别和实事</dt>
    <dd>${countText(plan)}</dd>
    <dt>更新日期</dt>
    <dd>${formatChineseDate(plan.updatedAt)}</dd>
  </dl>`;
}

/** Headline figures of one or more plans: tasks, categories and, once reported, progress. */
function headline(plans: PublicPlan[]): Html {
  const tasks = plans.flatMap((p) => p.tasks);
  const rated = tasks.filter((t) => t.progress.completion !== null);
  const done = tasks.filter((t) => t.progress.rating === 'completed' || t.progress.rating === 'exceeded');
  const behind = tasks.filter((t) =>
    ['lagging', 'seriously_lagging', 'overdue'].includes(t.progress.rating ?? ''),
  );
  const average = rated.length
    ? rated.reduce((sum, t) => sum + Math.min(1, t.progress.completion ?? 0), 0) / rated.length
    : null;
  return html`<ul class="stats">
    <li><strong>${tasks.length}</strong>件民生实事</li>
    <li><strong>${plans.reduce((n, p) => n + p.categories.length, 0)}</strong>个类别</li>
    ${
      average === null
        ? html`<li><strong>—</strong>暂无已公开的进展</li>`
        : html`<li><strong>${formatPercent(average)}</strong>平均完成进度（${rated.length}件已报告）</li>
            <li><strong>${done.length}</strong>件已完成</li>
            <li><strong>${behind.length}</strong>件推进缓慢或逾期</li>`
    }
  </ul>`;
}

function indicatorTable(task: PublicTask): HtmlValue {
  if (task.indicators.length === 0) return '';
  const comparatorWord = { '=': '', '>=': '不少于', '<=': '不超过', range: '' } as const;
  return html`<table>
    <caption class="muted">
      量化指标
    </caption>
    <thead>
      <tr>
        <th scope="col">指标</th>
        <th scope="col">目标</th>
      </tr>
    </thead>
    <tbody>
      ${task.indicators.map(
        (i) =>
          html`<tr>
            <td>${i.subject ?? i.text}</td>
            <td>
              ${comparatorWord[i.comparator]}${formatAmount(i.value)}${
                i.valueMax !== null ? html`–${formatAmount(i.valueMax)}` : ''
              }${i.unit ?? ''}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function taskItem(task: PublicTask): Html {
  return html`<li class="task" id="task-${task.id}">
    <h3><a href="${task.url}">${taskHeading(task)}</a></h3>
    <p>${task.content}</p>
    ${units(task)} ${deadline(task)} ${progressLine(task)}
  </li>`;
}

export function homePage(plans: PublicPlanSummary[]): Html {
  const byJurisdiction = new Map<number, PublicPlanSummary[]>();
  for (const p of plans) {
    const list = byJurisdiction.get(p.jurisdiction.id);
    if (list) list.push(p);
    else byJurisdiction.set(p.jurisdiction.id, [p]);
  }
  // Plans come newest year first, so each jurisdiction's first plan is its newest.
  const groups = [...byJurisdiction.values()];
  return renderPage({
    title: SITE_NAME,
    description: '各地已发布的民生实事计划及其进展：按行政区和年度浏览、检索和下载。',
    crumbs: [],
    body: html`<h1>${SITE_NAME}</h1>
      <p>
        各级政府已发布的民生实事计划，按行政区和年度列出，最新年度在前。也可浏览<a href="/gongkai/archive"
          >民生档案</a
        >或<a href="/gongkai/search">全文检索</a>。
      </p>
      ${
        groups.length === 0
          ? html`<p>暂无已发布的民生实事计划。</p>`
          : groups.map(
              (list) =>
                html`<section aria-labelledby="j-${list[0]!.jurisdiction.id}">
                  <h2 id="j-${list[0]!.jurisdiction.id}">${list[0]!.jurisdiction.name}</h2>
                  <ul>
                    ${[...new Set(list.map((p) => p.year))].map(
                      (year) =>
                        html`<li>
                          <a href="${portalPaths.year(list[0]!.jurisdiction.id, year)}">${year}年民生实事</a
                          >：${list
                            .filter((p) => p.year === year)
                            .map((p) => p.title)
                            .join(
                              '；',
                            )}（${list.filter((p) => p.year === year).reduce((n, p) => n + p.taskCount, 0)}件）
                        </li>`,
                    )}
                  </ul>
                </section>`,
            )
      }`,
  });
}

export function yearPage(plans: PublicPlan[]): Html {
  const first = plans[0]!;
  const title = `${first.jurisdiction.name}${first.year}年民生实事`;
  return renderPage({
    title,
    description: `${title}：${plans.map((p) => p.title).join('、')}，共${plans.reduce((n, p) => n + p.taskCount, 0)}件。`,
    crumbs: [archiveCrumb, yearCrumb(first.year), { label: first.jurisdiction.name }],
    body: html`<h1>${title}</h1>
      ${headline(plans)}
      ${plans.map(
        (plan) =>
          html`<section aria-labelledby="plan-${plan.id}">
            <h2 id="plan-${plan.id}"><a href="${plan.url}">${plan.title}</a></h2>
            ${planFacts(plan)}
            <h3>类别</h3>
            <ol>
              ${plan.categories.map(
                (c) =>
                  html`<li>
                    <a href="${plan.url}#category-${c.id}">${c.name}</a
                    >（${plan.tasks.filter((t) => t.categoryId === c.id).length}件）
                  </li>`,
              )}
            </ol>
            ${downloads(plan)}
          </section>`,
      )}`,
  });
}

export function planPage(plan: PublicPlan): Html {
  const uncategorised = plan.tasks.filter((t) => t.categoryId === null);
  const sections: { id: string; name: string; tasks: PublicTask[] }[] = plan.categories.map((c) => ({
    id: `category-${c.id}`,
    name: c.name,
    tasks: plan.tasks.filter((t) => t.categoryId === c.id),
  }));
  if (uncategorised.length)
    sections.push({
      id: 'category-none',
      name: plan.categories.length ? '其他' : '民生实事清单',
      tasks: uncategorised,
    });
  return renderPage({
    title: plan.title,
    description: `${plan.jurisdiction.name}${plan.year}年民生实事：${plan.title}，${countText(plan)}。`,
    crumbs: [...planCrumbs(plan), { label: plan.title }],
    body: html`<h1>${plan.title}</h1>
      ${planFacts(plan)} ${headline([plan])} ${downloads(plan)}
      ${
        sections.length > 1
          ? html`<nav aria-label="类别目录">
              <h2>目录</h2>
              <ol>
                ${sections.map((s) => html`<li><a href="#${s.id}">${s.name}</a>（${s.tasks.length}件）</li>`)}
              </ol>
            </nav>`
          : ''
      }
      ${sections.map(
        (s) =>
          html`<section aria-labelledby="${s.id}">
            <h2 id="${s.id}">${s.name}</h2>
            <ol class="tasks">
              ${s.tasks.map(taskItem)}
            </ol>
          </section>`,
      )}`,
  });
}

export function taskPage(task: PublicTaskDetail): Html {
  const heading = taskHeading(task);
  return renderPage({
    title: `${heading} - ${task.plan.title}`,
    description: `${task.plan.jurisdiction.name}${task.plan.year}年民生实事第${task.number}项：${task.content.slice(0, 100)}`,
    crumbs: [
      ...planCrumbs(task.plan),
      { label: task.plan.title, href: task.plan.url },
      { label: `第${task.number}项` },
    ],
    body: html`<h1>${heading}</h1>
      <p>${task.content}</p>
      <dl class="facts">
        <dt>所属计划</dt>
        <dd><a href="${task.plan.url}">${task.plan.title}</a></dd>
        ${
          task.category
            ? html`<dt>类别</dt>
                <dd><a href="${task.plan.url}#category-${task.category.id}">${task.category.name}</a></dd>`
            : ''
        }
        <dt>牵头单位</dt>
        <dd>${task.leadUnits.join('、') || '未填写'}</dd>
        ${
          task.coUnits.length
            ? html`<dt>配合单位</dt>
                <dd>${task.coUnits.join('、')}</dd>`
            : ''
        }
        <dt>完成时限</dt>
        <dd>${task.deadlineText ?? (task.deadlineDate ? formatChineseDate(task.deadlineDate) : '未填写')}</dd>
      </dl>
      ${indicatorTable(task)}
      <h2>当前进展</h2>
      ${progressLine(task)}
      <h2>进展记录</h2>
      ${
        task.history.length === 0
          ? html`<p class="muted">暂无已公开的进展记录。</p>`
          : html`<ol class="history" reversed>
              ${[...task.history].reverse().map(
                (entry) =>
                  html`<li>
                    <h3>
                      ${entry.periodLabel} <span class="muted">（${formatChineseDate(entry.date)}）</span>
                    </h3>
                    <p>${entry.text}</p>
                    ${entry.photos.map(
                      (photo) =>
                        html`<figure>
                          <img src="${photo.url}" alt="${photo.alt}" loading="lazy" />
                          <figcaption>${photo.alt}</figcaption>
                        </figure>`,
                    )}
                  </li>`,
              )}
            </ol>`
      }`,
  });
}

export function archivePage(plans: PublicPlanSummary[], year?: number): Html {
  const years = [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a);
  const title = year === undefined ? '民生档案' : `${year}年民生实事计划汇编`;
  return renderPage({
    title,
    description:
      year === undefined
        ? '历年民生实事计划档案，按年度和行政区浏览。'
        : `${year}年各地民生实事计划汇编，共${plans.length}份。`,
    crumbs: year === undefined ? [{ label: '民生档案' }] : [archiveCrumb, { label: `${year}年` }],
    body: html`<h1>${title}</h1>
      ${year === undefined && years.length ? html`<nav aria-label="年度"><p>年度：${years.map((y, i) => html`${i ? '、' : ''}<a href="/gongkai/archive/${y}">${y}年</a>`)}</p></nav>` : ''}
      ${plans.length === 0 ? html`<p>暂无已发布的民生实事计划。</p>` : ''}
      ${years.map(
        (y) =>
          html`<section aria-labelledby="year-${y}">
            <h2 id="year-${y}">
              ${year === undefined ? html`<a href="/gongkai/archive/${y}">${y}年民生实事计划汇编</a>` : `${y}年`}
            </h2>
            <ul>
              ${plans
                .filter((p) => p.year === y)
                .map(
                  (p) =>
                    html`<li>
                      <a href="${p.url}">${p.title}</a>
                      <span class="muted"
                        >（<a href="${portalPaths.year(p.jurisdiction.id, p.year)}">${p.jurisdiction.name}</a
                        >，${countText(p)}）</span
                      >
                    </li>`,
                )}
            </ul>
          </section>`,
      )}`,
  });
}

/** The text around the first match, with every term marked (escaped like everything else). */
export function snippet(text: string, terms: string[], width = 80): Html {
  const lower = text.toLowerCase();
  const positions = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const first = positions.length ? Math.min(...positions) : 0;
  const start = Math.max(0, first - Math.floor(width / 4));
  const end = Math.min(text.length, start + width);
  const window = text.slice(start, end);
  const parts: HtmlValue[] = [];
  const wl = window.toLowerCase();
  let i = 0;
  while (i < window.length) {
    let best: { at: number; len: number } | null = null;
    for (const t of terms) {
      const at = wl.indexOf(t.toLowerCase(), i);
      if (at >= 0 && (!best || at < best.at || (at === best.at && t.length > best.len))) {
        best = { at, len: t.length };
      }
    }
    if (!best) {
      parts.push(window.slice(i));
      break;
    }
    parts.push(window.slice(i, best.at), html`<mark>${window.slice(best.at, best.at + best.len)}</mark>`);
    i = best.at + best.len;
  }
  return html`${start > 0 ? '…' : ''}${parts}${end < text.length ? '…' : ''}`;
}

function hitItem(hit: SearchHit, terms: string[]): Html {
  if (hit.kind === 'plan') {
    return html`<li>
      <h2 class="hit"><a href="${portalPaths.plan(hit.id)}">${snippet(hit.planTitle, terms, 200)}</a></h2>
      <p class="muted">计划 · ${hit.jurisdictionName} · ${hit.year}年</p>
    </li>`;
  }
  const body = [hit.title ?? '', hit.content, hit.unitNames].join(' ');
  const heading = hit.title ?? hit.content;
  return html`<li>
    <h2 class="hit">
      <a href="${portalPaths.task(hit.id)}">${hit.number}. ${snippet(heading, terms, 40)}</a>
    </h2>
    <p>${snippet(body, terms)}</p>
    <p class="muted">
      ${hit.jurisdictionName} · ${hit.year}年 · <a href="${portalPaths.plan(hit.planId)}">${hit.planTitle}</a>
    </p>
  </li>`;
}

export function searchPage(result: SearchResult): Html {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => `/gongkai/search?q=${encodeURIComponent(result.query)}&page=${page}`;
  const title = result.query ? `“${result.query}”的检索结果` : '全文检索';
  return renderPage({
    title: result.page > 1 ? `${title}（第${result.page}页）` : title,
    description: '检索已发布的民生实事计划和实事：标题、内容和责任单位。',
    crumbs: [{ label: '全文检索' }],
    query: result.query,
    body: html`<h1>${title}</h1>
      <form class="search-form" role="search" action="/gongkai/search" method="get">
        <label for="q">检索词（多个词用空格分开）</label>
        <input id="q" name="q" type="search" maxlength="100" value="${result.query}" />
        <button type="submit">检索</button>
      </form>
      ${
        result.terms.length === 0
          ? html`<p>请输入要检索的词，例如“幼儿园”“就业”或责任单位名称。</p>`
          : html`<p role="status">
                找到 ${result.total} 条结果${pages > 1 ? html`，第 ${result.page} / ${pages} 页` : ''}。
              </p>
              <ol class="results">
                ${result.hits.map((h) => hitItem(h, result.terms))}
              </ol>
              ${
                pages > 1
                  ? html`<nav class="pager" aria-label="分页">
                      ${result.page > 1 ? html`<a href="${link(result.page - 1)}" rel="prev">上一页</a>` : ''}<span
                        >第 ${result.page} / ${pages} 页</span
                      >${
                        result.page < pages
                          ? html`<a href="${link(result.page + 1)}" rel="next">下一页</a>`
                          : ''
                      }
                    </nav>`
                  : ''
              }`
      }`,
  });
}

export function notFoundPage(): Html {
  return renderPage({
    title: '页面不存在',
    description: '您访问的页面不存在或尚未公开。',
    crumbs: [{ label: '页面不存在' }],
    body: html`<h1>页面不存在</h1>
      <p>
        您访问的页面不存在或尚未公开。请从<a href="/gongkai">首页</a>浏览，或使用<a href="/gongkai/search"
          >全文检索</a
        >。
      </p>`,
  });
}
