import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from './client.js';

export interface ApiState<T> {
  data: T | undefined;
  error: string | undefined;
  /** The HTTP status of the failed request (409: not computed yet); undefined when the server was not reached. */
  status: number | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `url` (nothing when null) and again whenever it changes or `reload()` is called. */
export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: string; status?: number; loading: boolean }>({
    loading: url !== null,
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined, status: undefined }));
    getJson<T>(url, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          error: error instanceof Error ? error.message : String(error),
          ...(error instanceof ApiError ? { status: error.status } : {}),
          loading: false,
        });
      },
    );
    return () => controller.abort();
  }, [url, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, status: state.status, loading: state.loading, reload };
}
