/**
 * One line per audit entry instead of raw JSON: for a change, the fields that changed
 * ("name: 市人社局 → 吉林市人社局"); for a new record, its name.
 */
const housekeeping = new Set(['id', 'version', 'createdAt', 'updatedAt', 'retiredAt', 'passwordHash']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value == null) return '—';
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function summarizeAudit(before: unknown, after: unknown): string {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !housekeeping.has(k),
    );
    const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    return changed.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`).join('；');
  }
  const record = isRecord(after) ? after : isRecord(before) ? before : null;
  if (!record) return show(after ?? before);
  const inner = Object.values(record).find(isRecord);
  const named = ['title', 'name', 'username', 'fileName'].find((k) => typeof record[k] === 'string');
  if (named) return String(record[named]);
  if (inner) {
    const innerNamed = ['title', 'name', 'username'].find((k) => typeof inner[k] === 'string');
    if (innerNamed) return String(inner[innerNamed]);
  }
  return Object.entries(record)
    .filter(([k]) => !housekeeping.has(k))
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('；');
}
