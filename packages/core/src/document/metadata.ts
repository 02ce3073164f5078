/**
 * Document-level facts of a 民生实事 document: title, issuer, 文号, year, jurisdiction,
 * report date, period and the counts the text declares.
 */
import { compactText, parseChineseNumber } from '../text/normalize';

const CHROME =
  /^(?:首页|当前位置|您的位置|你的位置|您现在的位置)|稿件来源|信息来源|来源[:：]|发布时间|发布日期|发文日期|浏览次数|点击数|阅读次数|访问次数|字号|字体[:：]|【字体|打印本页|【打印】|关闭窗口|分享到|责任编辑|编辑[:：]|Copyright|copyright|版权所有|ICP|主办[:：]|承办[:：]|网站地图|联系电话|联系我们|网站标识码|技术支持|扫一扫|上一篇|下一篇|相关链接|返回顶部|【大】|【中】|【小】|索引号|主题分类|公开方式|^\s*>|.+\s[>＞»›]\s.+/;

/** Page furniture of a web archive page: breadcrumbs, source lines, footers. */
export function isChrome(line: string): boolean {
  const t = line.trim();
  if (!t) return true;
  // Page markers of a printed copy: "－ 2 －", "- 3 -", "第2页".
  if (/^[-－—–]\s*\d{1,3}\s*[-－—–]$|^第\d+页(?:\s*共\d+页)?$/.test(t)) return true;
  const m = CHROME.exec(t);
  // A paragraph of the text that ends with a contact line ("…报送进展情况。联系电话：…") is text.
  if (m && m.index > 20 && /。/.test(t.slice(0, m.index))) return false;
  return m !== null || /^(?:首页|网站首页)\s*[>＞»›]/.test(t);
}

const DOC_NUMBER =
  /([\u4e00-\u9fa5]{1,14})\s*[〔[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*(\d{1,4})\s*号/;

/** "吉政发〔２０１７〕９号" → "吉政发〔2017〕9号". */
export function findDocNumber(lines: string[]): string | null {
  for (const line of lines.slice(0, 20)) {
    const t = compactText(line);
    const m = DOC_NUMBER.exec(t);
    if (m && m[0].length >= t.replace(/^(?:发文字号|文号|发文号)[:：]/, '').length - 2) {
      return `${(m[1] ?? '').replace(/^(?:发文字号|文号|发文号)/, '')}〔${m[2]}〕${m[3]}号`;
    }
  }
  return null;
}

const TITLE_END =
  /(?:通知|意见|计划|方案|情况|表|清单|决定|报告|通报|安排|项目|实事|汇总|公告|函|批复|要点|目录|任务|工程|进度|进展|分工|名单|公示)$/;

function isDateLine(t: string): boolean {
  return /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/.test(
    t,
  );
}

const SITE_SECTION =
  /^(?:政府信息公开|信息公开|政务公开|政务服务|政府文件|政策文件|规范性文件|通知公告|工作动态|政务动态|新闻中心|要闻动态|专题专栏|网站首页|简体版|繁体版|信息公开目录|政策解读|公示公告)$/;

/** A line that can be (part of) a title: short, no sentence end, not an ordinal item. */
export function isHeadingLike(line: string): boolean {
  const t = compactText(line).replace(/^#+/, '');
  if (t.length < 4 || t.length > 80) return false;
  if (/[。；;，,：:！？]$/.test(t) || /[：:]/.test(t)) return false;
  if (isChrome(line) || isDateLine(t)) return false;
  // Site navigation ("厦门市人民政府 | 无障碍 | English") and a red banner ("四川省人民政府文件").
  if (/[|｜]|English|无障碍|门户网站$|政府网$|^[\u4e00-\u9fa5]{2,24}文件$/.test(t)) return false;
  // Section names of a government site ("政府信息公开", "通知公告") name no document.
  if (SITE_SECTION.test(t)) return false;
  // A navigation bar ("银川市人民政府 信息公开 政务服务"): words apart, one a site section.
  const words = line.trim().split(/[\s\u3000\u00a0]+/);
  if (words.length >= 2 && words.some((w) => SITE_SECTION.test(compactText(w)))) return false;
  if (/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)）]|[①-⑳])/.test(t))
    return false;
  if (/^附件/.test(t) || /^(?:填报|报送|制表|统计|单位[:：])/.test(t)) return false;
  // A category line ("就业创业（3项）") or a column header is no title.
  if (/[（(](?:共)?[\d一二三四五六七八九十两]+[项件个][)）]$/.test(t) || /^序号/.test(t)) return false;
  if (DOC_NUMBER.test(t) && DOC_NUMBER.exec(t)?.[0].length === t.length) return false;
  return /[\u4e00-\u9fa5]/.test(t);
}

/**
 * The title: the first heading-like lines, joined across line breaks:
 * ["吉林省人民政府关于２０１７年", "民生实事的安排意见"] → "吉林省人民政府关于2017年民生实事的安排意见".
 */
export function findTitle(lines: string[]): string | null {
  // A government page's metadata block names it: "标题：某市人民政府关于…的通知".
  for (const line of lines.slice(0, 20)) {
    const labelled = /^(?:标题|文件标题|文章标题|公文标题)[:：](.{4,80})$/.exec(compactText(line));
    if (labelled?.[1]) return labelled[1];
  }
  const limit = Math.min(lines.length, 15);
  for (let i = 0; i < limit; i++) {
    const line = lines[i] ?? '';
    if (!isHeadingLike(line)) continue;
    // A signature ("某市人民政府办公室" over its date) is no title.
    if (ORG_END.test(compactText(line)) && isDateLine(compactText(lines[i + 1] ?? ''))) continue;
    let title = compactText(line).replace(/^#+/, '');
    let j = i + 1;
    while (!TITLE_END.test(title) && j < lines.length && j < i + 3 && isHeadingLike(lines[j] ?? '')) {
      const next = compactText(lines[j] ?? '').replace(/^#+/, '');
      // A site or issuer name over a title that repeats it: the title alone.
      title = next.startsWith(title) ? next : title + next;
      j++;
    }
    return title;
  }
  return null;
}

const ORG_END =
  /(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|行政公署|管理委员会|管委会|委员会|办公厅|办公室|领导小组|民生办|局|厅|委)$/;

/** "吉林省人民政府关于…" → "吉林省人民政府"; else the signature line near the end. */
export function findIssuer(title: string | null, lines: string[]): string | null {
  if (title) {
    const m = /^(.{2,40}?)关于/.exec(title);
    if (m?.[1] && ORG_END.test(m[1])) return m[1];
    // "大兴安岭地区行政公署2023年为民办实事项目进展情况通报": the heading line names its author.
    const head =
      /^([\u4e00-\u9fa5]{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|行政公署|管理委员会|管委会|办公室|民生办))(?=(?:19|20)\d{2}年)/.exec(
        title,
      );
    if (head?.[1]) return head[1];
  }
  const tail = lines.slice(-10).filter((l) => !isChrome(l));
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = compactText(tail[i] ?? '');
    if (
      t.length <= 30 &&
      /^[\u4e00-\u9fa5（）()]+$/.test(t) &&
      ORG_END.test(t) &&
      /(?:政府|办公|委员会|管委会|领导小组|民生办|公署)/.test(t)
    ) {
      const next = compactText(tail[i + 1] ?? '');
      if (!next || isDateLine(next) || i === tail.length - 1) return t;
    }
  }
  return null;
}

/** "填报单位：温州市民生实事工作领导小组办公室" → that body, the author of a progress sheet. */
export function findReportingBody(lines: string[]): string | null {
  for (const line of lines) {
    const m =
      /(?:填报单位|报送单位|制表单位)[:：]([\u4e00-\u9fa5（）()]{2,40}?)(?=填报|报送|截止|截至|时间|日期|$)/.exec(
        compactText(line),
      );
    if (m?.[1]) return m[1];
  }
  return null;
}

const PLACE =
  '(?:[\\u4e00-\\u9fa5]{1,10}?(?:自治区|特别行政区|自治州|自治县|新区|开发区|高新区|经开区|省|市|州|盟|县|区|旗))';

/** "吉林市人民政府办公厅" → "吉林市"; "平罗县2020年10件民生实事落实情况表" → "平罗县". */
export function findJurisdiction(title: string | null, issuer: string | null): string | null {
  if (issuer) {
    const rest = issuer.replace(
      /(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|行政公署|管理委员会|管委会|民生工作领导小组办公室|民生工作领导小组|民生办|委员会|办公厅|办公室)$/,
      '',
    );
    const m = new RegExp(`^(${PLACE}{1,3})$`).exec(rest);
    if (m?.[1]) return m[1];
  }
  if (title) {
    const body = title.replace(/^.*?关于(?:印发|下达|公布|做好|实施)?《?/, '');
    const found = [title, body].map((t) => {
      const m = new RegExp(
        `^(${PLACE}{1,3})(?=(?:19|20)\\d{2}|[〇零一二]{4}|年度|关于|民生|人民政府|政府|今年|本年)`,
      ).exec(t);
      return m?.[1] && isPlaceName(m[1]) ? m[1] : null;
    });
    const [head, named] = found;
    // "重庆市渝北区人民政府办公室关于印发渝北区2025年…": the plan's own name for its place.
    if (head && named && named !== head && head.endsWith(named)) return named;
    return head ?? named ?? null;
  }
  return null;
}

/** "全市", "关于全市", "本县" name no place. */
function isPlaceName(place: string): boolean {
  return !/^(?:关于|全|本|我|各|该|此|对|在|今年)|关于|印发|民生/.test(place);
}

/**
 * A title that names its place only by a short form ("2017年建设幸福新区行动计划"): the full
 * name the text uses for it, when its stem is a city the text also names ("长春新区", with
 * "长春市" elsewhere in the text).
 */
export function findShortFormPlace(title: string | null, lines: string[]): string | null {
  if (!title) return null;
  const kind = /(新区|开发区|高新区)/.exec(title)?.[1];
  if (!kind) return null;
  const text = lines.map((l) => compactText(l)).join('');
  const re = new RegExp(`([\\u4e00-\\u9fa5]{2,3})${kind}`, 'g');
  for (const m of text.matchAll(re)) {
    const stem = m[1] ?? '';
    for (const s of [stem.slice(-2), stem]) {
      if (s.length >= 2 && text.includes(`${s}市`)) return `${s}${kind}`;
    }
  }
  return null;
}

/** The plan year: the title's, the 文号's, then the opening paragraphs'. */
export function findYear(title: string | null, docNumber: string | null, head: string[]): number | null {
  const fromText = (t: string): number | null => {
    const m = /((?:19|20)\d{2})\s*年/.exec(t);
    if (m) return Number(m[1]);
    const c = /([〇零一二][〇零一二三四五六七八九]{3})年/.exec(t);
    if (c) return parseChineseNumber(c[1] ?? '');
    return null;
  };
  if (title) {
    const y = fromText(title);
    if (y) return y;
  }
  if (docNumber) {
    const m = /〔(\d{4})〕/.exec(docNumber);
    if (m) return Number(m[1]);
  }
  for (const line of head) {
    const y = fromText(compactText(line));
    if (y) return y;
  }
  return null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "填报时间：2020年9月25日" → "2020-09-25". */
export function findReportDate(lines: string[]): string | null {
  // A printed 填报时间 / 报送日期 wins over a 截至 date wherever each stands.
  const labels = [
    '填报时间|填报日期|报送时间|报送日期|报告日期',
    '统计时间|统计截止|截止时间|截至时间|截止日期|数据截至|截至|截止',
  ];
  for (const label of labels) {
    const re = new RegExp(
      `(?:${label})[:：]?((?:19|20)\\d{2})(?:年|[.\\-/])(\\d{1,2})(?:月|[.\\-/])(\\d{1,2})(?:日|(?!\\d))`,
    );
    for (const line of lines) {
      const m = re.exec(compactText(line));
      if (m) return `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
    }
  }
  return null;
}

/** "三季度" → "2017Q3", "上半年" → "2017H1", "截至6月底" → "2017-06"; null without a year. */
export function findPeriod(texts: string[], year: number | null): string | null {
  if (year === null) return null;
  for (const raw of texts) {
    const t = compactText(raw);
    const q = /(?:第|前)?([一二三四1-4])季度/.exec(t);
    if (q) return `${year}Q${parseChineseNumber(q[1] ?? '') ?? ''}`;
    if (/上半年/.test(t)) return `${year}H1`;
    if (/下半年/.test(t)) return `${year}H2`;
    const m =
      /(?:截至|截止)(?:到|时间|日期)?[:：]?(?:(?:19|20)\d{2}年)?(\d{1,2})月(?:底|末|份|\d{1,2}日)?/.exec(t) ??
      /1\s*[-—–~至]\s*(\d{1,2})月/.exec(t) ??
      /(\d{1,2})月份?(?:进展|推进|落实|完成)/.exec(t);
    if (m) return `${year}-${pad2(Number(m[1]))}`;
    if (/全年|年度(?:完成|落实)情况|年终/.test(t)) return String(year);
  }
  return null;
}

const NUM = '([\\d一二三四五六七八九十百两]+)';

/** "七个方面、２８项" → { categories: 7, tasks: 28 }; "35件民生实事" → { tasks: 35 }. */
export function findDeclared(texts: string[]): { categories: number | null; tasks: number | null } {
  let categories: number | null = null;
  let tasks: number | null = null;
  for (const raw of texts) {
    const t = compactText(raw);
    const both = new RegExp(
      `${NUM}(?:个|大)?(?:方面|大类|类|领域|板块)[、，,和共计]*(?:的)?${NUM}(?:项|件|个)`,
    ).exec(t);
    if (both) {
      categories ??= parseChineseNumber(both[1] ?? '');
      tasks ??= parseChineseNumber(both[2] ?? '');
    }
    if (tasks === null) {
      const m =
        new RegExp(`${NUM}(?:项|件|个)(?:重点|重大|年度)?(?:民生实事|民生项目|民生工程|惠民实事|实事)`).exec(
          t,
        ) ??
        new RegExp(`${NUM}(?:项|件)[^，,。；;\\d]{0,6}?实事`).exec(t) ??
        new RegExp(`${NUM}大(?:民生实事|民生工程|惠民实事|实事)`).exec(t) ??
        new RegExp(`(?:民生实事|实事项目)(?:共|计)?${NUM}(?:项|件)`).exec(t);
      if (m) tasks = parseChineseNumber(m[1] ?? '');
    }
    if (categories === null) {
      const m = new RegExp(
        `${NUM}(?:个|大)(?:方面|大类|领域|板块)(?=[^。；;]{0,12}(?:实事|项|件|民生|任务|内容))`,
      ).exec(t);
      if (m) categories = parseChineseNumber(m[1] ?? '');
    }
  }
  return { categories, tasks };
}
