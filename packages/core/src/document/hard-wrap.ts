/**
 * Text copied out of a PDF comes hard-wrapped: every line of a paragraph runs to the same
 * width and breaks mid-word ("…新增学位4" / "500个。（责任单位：市" / "教育局）"), with page
 * markers ("－ 2 －", "- 3 -", "第2页") between pages. Before structure is read, such lines are
 * joined back into their paragraphs and the page markers dropped; other text is left alone.
 */

/** "－ 2 －", "- 3 -", "—4—", "第2页", "第 2 页 共 8 页". */
export const PAGE_MARKER =
  /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

const ENDS_SENTENCE = /[。；;！!？?：:）)】」”"]$/;
/** The start of a new numbered item or heading, which a wrapped line never is. */
const STARTS_ITEM =
  /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}(?:[、．]|\.(?!\d))|[①-⑳]|第[一二三四五六七八九十]+[类章条部]|第\s*(?:[一二三四五六七八九十百]{1,4}|\d{1,3})\s*[项件]|附件|[（(【]?(?:责任单位|牵头单位|配合单位|责任部门|完成时限|完成时间)[:：])/;

/** Lines that stand alone: a 文号, a date, a page number. */
const STANDS_ALONE =
  /^[\s\u3000]*(?:\S{1,10}[〔［[(（]\d{4}[〕］\])）]\s*\d{1,4}\s*号|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:印发)?)\s*$/;
/** A title line ends with the name of its kind of document. */
const ENDS_TITLE = /(?:通知|意见|方案|报告|通报|决定|办法|清单|计划|请示|批复)$/;

/** How much shorter than the widest a full line may be (wide characters, punctuation kept at a line's end). */
const slack = (w: number): number => Math.max(3, Math.round(w * 0.2));

const width = (line: string): number => [...line.replace(/\s+$/, '')].length;

/** The width a hard-wrapped text is wrapped at, or null when the text is not hard-wrapped. */
export function wrapWidth(lines: string[]): number | null {
  const text = lines.filter((l) => l.trim() && !PAGE_MARKER.test(l));
  if (text.length < 6) return null;
  // Tables flattened into text have their own line structure.
  if (text.filter((l) => /\t|[|｜]/.test(l)).length > text.length * 0.1) return null;
  const lens = text.map(width).sort((a, b) => b - a);
  const w = lens[Math.floor(lens.length * 0.2)] ?? 0;
  if (w < 12 || w > 48) return null;
  const full = text.filter((l) => width(l) >= w - slack(w) && !ENDS_SENTENCE.test(l.trim())).length;
  const over = text.filter((l) => width(l) > w + 4).length;
  if (full < Math.max(4, text.length * 0.3) || over > text.length * 0.1) return null;
  return w;
}

/** Joins the lines of a hard-wrapped text back into paragraphs; other texts come back as given. */
export function unwrapLines(lines: string[]): string[] {
  const w = wrapWidth(lines);
  if (w === null) return lines;
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    if (PAGE_MARKER.test(line)) continue;
    const prev = out[out.length - 1];
    if (open && prev !== undefined && line.trim() && !STARTS_ITEM.test(line) && !STANDS_ALONE.test(line)) {
      out[out.length - 1] = prev.replace(/\s+$/, '') + line.trim();
    } else {
      out.push(line);
    }
    // The line just placed ended full width and mid-sentence: the next line continues it.
    open =
      line.trim() !== '' &&
      width(line) >= w - slack(w) &&
      !ENDS_SENTENCE.test(line.trim()) &&
      !ENDS_TITLE.test(line.trim()) &&
      !STANDS_ALONE.test(line);
  }
  return out;
}
