/**
 * The page shell of every public page: lang="zh-CN", a real <title> and description, a skip
 * link, the site bar with search, breadcrumbs ("首页 > 民生档案 > 2017年 > …"), one <main> and
 * a footer. Styles come from one fingerprinted stylesheet; no inline style or script, so the
 * app's strict CSP (script-src 'self', script-src-attr 'none') holds.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { html, type Html, type HtmlValue } from './html';

const css = fs.readFileSync(path.join(import.meta.dirname, 'portal.css'));

/** The stylesheet, named by its hash so it can be cached for a year. */
export const portalStylesheet = {
  body: css,
  path: `/gongkai/assets/portal-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`,
};

export const SITE_NAME = '民生实事公开';

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageOptions {
  title: string;
  description: string;
  /** After 首页; the last one is the current page (no link). */
  crumbs: Crumb[];
  body: HtmlValue;
  /** The search box's current text. */
  query?: string;
}

export function renderPage(options: PageOptions): Html {
  const crumbs: Crumb[] = [{ label: '首页', href: '/gongkai' }, ...options.crumbs];
  const fullTitle = options.title === SITE_NAME ? SITE_NAME : `${options.title} - ${SITE_NAME}`;
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${fullTitle}</title>
        <meta name="description" content="${options.description}" />
        <link rel="stylesheet" href="${portalStylesheet.path}" />
      </head>
      <body>
        <a class="skip" href="#main">跳到正文</a>
        <header class="site">
          <div class="wrap site-bar">
            <a class="brand" href="/gongkai">${SITE_NAME}</a>
            <form class="search-form" role="search" action="/gongkai/search" method="get">
              <label for="site-q">搜索计划和实事</label>
              <input id="site-q" name="q" type="search" maxlength="100" value="${options.query ?? ''}" />
              <button type="submit">搜索</button>
            </form>
          </div>
          <nav class="wrap" aria-label="主导航">
            <ul class="menu">
              <li><a href="/gongkai">首页</a></li>
              <li><a href="/gongkai/archive">民生档案</a></li>
              <li><a href="/gongkai/search">全文检索</a></li>
              <li><a href="/api/docs">开放数据接口</a></li>
            </ul>
          </nav>
        </header>
        <nav class="crumbs" aria-label="当前位置">
          <ol class="wrap">
            ${crumbs.map((c, i) => {
              const sep = i > 0 ? html`<span aria-hidden="true">&nbsp;&gt;&nbsp;</span>` : '';
              return i === crumbs.length - 1 || !c.href
                ? html`<li>${sep}<span aria-current="page">${c.label}</span></li>`
                : html`<li>${sep}<a href="${c.href}">${c.label}</a></li>`;
            })}
          </ol>
        </nav>
        <main id="main" class="wrap" tabindex="-1">${options.body}</main>
        <footer>
          <div class="wrap">
            <p>
              本站公开已发布的民生实事计划和经审核、决定公开的进展情况。数据可按计划下载（CSV、JSON、Excel），也可通过<a
                href="/api/docs"
                >只读接口</a
              >获取。
            </p>
            <p>${SITE_NAME} · 民生实事督办平台</p>
          </div>
        </footer>
      </body>
    </html> `;
}
