/**
 * Dates and quantities as officials write them: 2020年9月25日, 1.2亿元, 8.9万平方米.
 * Never a raw ISO string or a long decimal on screen.
 */
import type { Locale } from './i18n';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2020-09-25" → "2020年9月25日" (zh) or "25 Sep 2020" (en); timestamps keep the local time. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const plain = isoDate.exec(value);
  if (plain) {
    const [, y, m, d] = plain;
    return formatParts(Number(y), Number(m), Number(d), locale);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return formatParts(date.getFullYear(), date.getMonth() + 1, date.getDate(), locale);
}

/** A timestamp with its local time: "2026年11月23日 14:05". */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${formatParts(date.getFullYear(), date.getMonth() + 1, date.getDate(), locale)} ${hh}:${mm}`;
}

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatParts(y: number, m: number, d: number, locale: Locale): string {
  return locale === 'en-US' ? `${d} ${monthsEn[m - 1] ?? m} ${y}` : `${y}年${m}月${d}日`;
}

/** Up to four decimals, trailing zeros dropped: 1.2000 → "1.2". */
function trimDecimals(n: number): string {
  return String(Number(n.toFixed(4)));
}

/**
 * A number the way a Chinese document writes it: 120000000 → "1.2亿", 89000 → "8.9万",
 * 2200 → "2200". Values of 10,000 and more take 万 or 亿; smaller ones stay as they are.
 */
export function formatChineseNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trimDecimals(value / 1e8)}亿`;
  if (abs >= 1e4) return `${trimDecimals(value / 1e4)}万`;
  return trimDecimals(value);
}

/** A quantity with its unit: (120000000, "元") → "1.2亿元"; percentages never take 万. */
export function formatQuantity(value: number, unit: string | null | undefined, locale: Locale): string {
  const u = unit ?? '';
  if (u === '%' || u === '％') return `${trimDecimals(value)}%`;
  if (locale === 'en-US')
    return `${value.toLocaleString('en-US', { maximumFractionDigits: 4 })}${u ? ` ${u}` : ''}`;
  return `${formatChineseNumber(value)}${u}`;
}
