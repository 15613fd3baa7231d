import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in the address (`?q=…&type=a,b&page=2`), so a filtered view can be linked
 * and survives a reload. Changing a filter goes back to the first page; empty values are removed.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return {
    get: (key: string) => params.get(key) ?? '',
    list: (key: string) => (params.get(key) ?? '').split(',').filter(Boolean),
    page,
    /** Sets filters (a list is joined with commas) and goes back to the first page. */
    set(next: Record<string, string | readonly string[] | undefined>) {
      const search = new URLSearchParams(params);
      for (const [key, value] of Object.entries(next)) {
        const text = Array.isArray(value) ? value.join(',') : (value as string | undefined);
        if (text) search.set(key, text);
        else search.delete(key);
      }
      search.delete('page');
      setParams(search);
    },
    setPage(next: number) {
      const search = new URLSearchParams(params);
      if (next <= 1) search.delete('page');
      else search.set('page', String(next));
      setParams(search);
    },
  };
}
