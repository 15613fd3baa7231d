import { useSearchParams } from 'react-router';

/**
 * Writes a tab's filters to the query string (keeping `tab`); any change of filter goes back to
 * the first page, and only page changes add a history entry.
 */
export function useTabParams() {
  const [params, setParams] = useSearchParams();
  return (changes: Record<string, string | undefined>, keepPage = false) => {
    const search = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    if (!keepPage) search.delete('page');
    setParams(search, { replace: !keepPage, preventScrollReset: true });
  };
}
