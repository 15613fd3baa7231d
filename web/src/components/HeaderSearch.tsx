import { TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** The global search box: submits to the results page `/search?q=`. */
export function HeaderSearch({ className, onDone }: { className?: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = location.pathname === '/search';
  const [query, setQuery] = useState(onSearchPage ? (params.get('q') ?? '') : '');
  const id = useId();

  // Keep the box in step with the results page's query (back/forward, links).
  useEffect(() => {
    if (onSearchPage) setQuery(params.get('q') ?? '');
  }, [onSearchPage, params]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    navigate(`/search?q=${encodeURIComponent(q)}`);
    onDone?.();
  };

  return (
    <search className={className} aria-label={t('search.label')}>
      <form onSubmit={submit}>
        <TextInput
          id={id}
          type="search"
          name="q"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          leftSection={<SearchIcon />}
          enterKeyHint="search"
          radius="xl"
        />
      </form>
    </search>
  );
}

/** A magnifying glass, decorative. */
export function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M20 20l-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
