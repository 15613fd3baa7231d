import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSearch } from '../../api/queries.ts';
import type { SearchHit, SearchHitType } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './SearchPage.module.css';

const ORDER: SearchHitType[] = ['state', 'summit', 'document', 'body', 'person'];

/** The portal path of a search hit. */
export function hitPath(hit: SearchHit): string {
  const id = encodeURIComponent(hit.id);
  switch (hit.type) {
    case 'state':
      return `/states/${id}`;
    case 'summit':
      return `/summits/${id}`;
    case 'document':
      return `/documents/${id}`;
    case 'body':
      return `/bodies#body-${id}`;
    case 'person':
      return `/bodies#person-${id}`;
  }
}

/** `/search?q=`: results of the global search, grouped by kind of record. */
export function SearchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  usePageTitle(q ? t('search.resultsFor', { q }) : t('search.title'));
  const search = useSearch(q);

  if (!q) {
    return (
      <>
        <PageHeader title={t('search.title')} />
        <Text>{t('search.prompt')}</Text>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('search.resultsFor', { q })} />
      <QueryState query={search}>
        {(result) => {
          if (result.items.length === 0) {
            return (
              <>
                <Text role="status">{t('search.empty', { q })}</Text>
                <Text c="gray.7" mt="sm">
                  {t('search.prompt')}
                </Text>
              </>
            );
          }
          const groups = ORDER.map((type) => ({
            type,
            hits: result.items.filter((hit) => hit.type === type),
          })).filter((group) => group.hits.length > 0);
          return (
            <>
              <Text role="status" c="gray.7" size="sm" mb="md">
                {t('search.count', { count: result.total })}
              </Text>
              <div className={classes.groups}>
                {groups.map((group) => (
                  <section key={group.type} aria-labelledby={`hits-${group.type}`} className={classes.group}>
                    <Title order={2} id={`hits-${group.type}`} className={classes.groupTitle}>
                      {t(`search.type.${group.type}`)}
                    </Title>
                    <ul className={classes.list}>
                      {group.hits.map((hit) => (
                        <li key={`${hit.type}:${hit.id}`} className={classes.item}>
                          <RouterAnchor to={hitPath(hit)}>{locale.text(hit.title)}</RouterAnchor>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
