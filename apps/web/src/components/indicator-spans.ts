/** Where each indicator's `text` sits in its task's sentence, for highlighting. */
export interface IndicatorLike {
  text: string;
}

export type Segment<T extends IndicatorLike> =
  { kind: 'text'; text: string } | { kind: 'indicator'; text: string; indicator: T };

/**
 * Splits `content` into plain text and indicator spans. Each indicator's `text` is looked up
 * left to right from where the previous one ended (indicators come in sentence order), falling
 * back to the first free occurrence; overlapping or absent spans are not highlighted.
 * "发放小额担保贷款1.2亿元，扶持创业者2200人" with [{text:"扶持创业者2200人"}] →
 * [text "发放小额担保贷款1.2亿元，", indicator "扶持创业者2200人"].
 */
export function splitByIndicators<T extends IndicatorLike>(
  content: string,
  indicators: readonly T[],
): Segment<T>[] {
  const spans: { start: number; end: number; indicator: T }[] = [];
  const overlaps = (start: number, end: number) => spans.some((s) => start < s.end && s.start < end);
  let cursor = 0;
  for (const indicator of indicators) {
    if (!indicator.text) continue;
    let start = content.indexOf(indicator.text, cursor);
    if (start < 0 || overlaps(start, start + indicator.text.length)) {
      start = -1;
      for (let from = 0; ;) {
        const at = content.indexOf(indicator.text, from);
        if (at < 0) break;
        if (!overlaps(at, at + indicator.text.length)) {
          start = at;
          break;
        }
        from = at + 1;
      }
    }
    if (start < 0) continue;
    spans.push({ start, end: start + indicator.text.length, indicator });
    cursor = start + indicator.text.length;
  }
  spans.sort((a, b) => a.start - b.start);
  const segments: Segment<T>[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) segments.push({ kind: 'text', text: content.slice(at, span.start) });
    segments.push({
      kind: 'indicator',
      text: content.slice(span.start, span.end),
      indicator: span.indicator,
    });
    at = span.end;
  }
  if (at < content.length) segments.push({ kind: 'text', text: content.slice(at) });
  return segments;
}
