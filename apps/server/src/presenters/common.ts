/** A timestamp as the API writes it (ISO 8601, UTC). */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export function editable(row: { version: number; retiredAt: Date | null; createdAt: Date; updatedAt: Date }) {
  return {
    version: row.version,
    retiredAt: iso(row.retiredAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
