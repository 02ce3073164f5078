import { useMemo } from 'react';
import { endpoints } from '../api/endpoints';
import { useLoad } from './use-load';

/** The jurisdictions the account can see, with a name lookup by id. */
export function useJurisdictions() {
  const load = useLoad(() => endpoints.jurisdictions.list().then((r) => r.items), []);
  const items = useMemo(() => load.data ?? [], [load.data]);
  const nameOf = useMemo(() => {
    const names = new Map(items.map((j) => [j.id, j.name]));
    return (id: number | null | undefined) => (id == null ? '' : (names.get(id) ?? `#${id}`));
  }, [items]);
  return { items, nameOf, reload: load.reload, status: load.status, error: load.error };
}
