import { Button, Group, Pagination, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocuments } from '../../api/queries.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../api/types.ts';
import { DocumentList } from '../../components/DocumentList.tsx';
import { SearchIcon } from '../../components/HeaderSearch.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './DocumentsPage.module.css';

const PAGE_SIZE = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseKind(value: string | null): DocumentKind | undefined {
  return (DOCUMENT_KINDS as readonly string[]).includes(value ?? '') ? (value as DocumentKind) : undefined;
}

/** `/documents`: search and filters over the documents, paginated on the server. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('documents.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = parseKind(params.get('kind'));
  const from = ISO_DATE.test(params.get('from') ?? '') ? (params.get('from') ?? undefined) : undefined;
  const to = ISO_DATE.test(params.get('to') ?? '') ? (params.get('to') ?? undefined) : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [text, setText] = useState(q);
  const documents = useDocuments({
    q: q || undefined,
    kind,
    from,
    to,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  /** Writes filters to the URL; any change of filter goes back to the first page. */
  const update = (changes: Record<string, string | undefined>, keepPage = false) => {
    const search = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    if (!keepPage) search.delete('page');
    setParams(search, { replace: !keepPage, preventScrollReset: !keepPage });
  };
  const updateQuery = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 300);
  const filtered = Boolean(q || kind || from || to);

  return (
    <>
      <PageHeader title={t('documents.title')} lead={t('documents.intro')} />
      <search className={classes.filters} aria-label={t('documents.filters')}>
        <TextInput
          className={classes.search}
          type="search"
          label={t('documents.search')}
          placeholder={t('documents.searchPlaceholder')}
          leftSection={<SearchIcon />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            updateQuery(event.currentTarget.value);
          }}
        />
        <Select
          className={classes.kind}
          label={t('documents.kind')}
          placeholder={t('documents.allKinds')}
          data={DOCUMENT_KINDS.map((value) => ({ value, label: t(`docKind.${value}`) }))}
          value={kind ?? null}
          clearable
          onChange={(value) => update({ kind: parseKind(value) })}
        />
        <TextInput
          className={classes.date}
          type="date"
          label={t('documents.from')}
          value={from ?? ''}
          min="1996-01-01"
          onChange={(event) => update({ from: event.currentTarget.value || undefined })}
        />
        <TextInput
          className={classes.date}
          type="date"
          label={t('documents.to')}
          value={to ?? ''}
          min="1996-01-01"
          onChange={(event) => update({ to: event.currentTarget.value || undefined })}
        />
        <Button
          variant="subtle"
          disabled={!filtered}
          onClick={() => {
            setText('');
            setParams(new URLSearchParams(), { replace: true });
          }}
        >
          {t('documents.reset')}
        </Button>
      </search>
      <QueryState query={documents}>
        {(result) => {
          const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
          const first = result.total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
          return (
            <div aria-busy={documents.isPlaceholderData} className={classes.results}>
              <Text role="status" size="sm" c="gray.7" mb="sm">
                {t('documents.count', { count: result.total })}
                {result.total > PAGE_SIZE &&
                  ` · ${t('documents.range', {
                    from: locale.number(first),
                    to: locale.number(first + result.items.length - 1),
                    total: locale.number(result.total),
                  })}`}
              </Text>
              <DocumentList documents={result.items} empty={t('documents.empty')} />
              {pages > 1 && (
                <Group justify="center" mt="lg">
                  <nav aria-label={t('documents.pages')}>
                    <Pagination
                      total={pages}
                      value={Math.min(page, pages)}
                      onChange={(next) => update({ page: next > 1 ? String(next) : undefined }, true)}
                      getControlProps={(control) => ({
                        'aria-label':
                          control === 'previous'
                            ? t('documents.previousPage')
                            : control === 'next'
                              ? t('documents.nextPage')
                              : undefined,
                      })}
                    />
                  </nav>
                </Group>
              )}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
