import { useCallback, useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: unknown };

/** Loads with `load`, again whenever `deps` change or `reload()` is called; stale answers are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading', data: null, error: null });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    loadRef
      .current()
      .then((data) => {
        if (mine === generation.current) setState({ status: 'ready', data, error: null });
      })
      .catch((error: unknown) => {
        if (mine === generation.current) setState((s) => ({ status: 'error', data: s.data, error }));
      });
  }, deps);

  useEffect(() => {
    reload();
  }, [reload]);

  return { ...state, reload, setData: (data: T) => setState({ status: 'ready', data, error: null }) };
}
