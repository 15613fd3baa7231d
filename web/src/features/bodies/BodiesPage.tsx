import { Badge, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBodies, usePeople } from '../../api/queries.ts';
import type { Body, Office } from '../../api/types.ts';
import { ConfidenceBadge } from '../../components/Badges.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useScrollToHash } from '../../lib/useScrollToHash.ts';
import classes from './BodiesPage.module.css';

/** `/bodies`: the SCO's councils and permanent bodies, and the people who led the latter. */
export function BodiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('bodies.title'));
  const bodies = useBodies();
  const secretaries = usePeople('secretary-general');
  const directors = usePeople('rats-director');
  useScrollToHash(bodies.isSuccess && secretaries.isSuccess && directors.isSuccess);

  return (
    <>
      <PageHeader title={t('bodies.title')} lead={t('bodies.intro')} />
      <QueryState query={bodies}>
        {(items) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className={classes.grid}>
            {items.map((body) => (
              <BodyCard key={body.id} body={body} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      <Section id="people" title={t('bodies.people')}>
        <div className={classes.people}>
          <PeopleTable office="secretary-general" query={secretaries} />
          <PeopleTable office="rats-director" query={directors} />
        </div>
      </Section>
    </>
  );
}

function BodyCard({ body }: { body: Body }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li id={`body-${body.id}`} className={classes.card}>
      <div className={classes.cardHead}>
        <span className={classes.abbr}>{body.abbreviation}</span>
        <Badge variant="light" color="sco.7" size="sm">
          {t(`bodyKind.${body.kind}`)}
        </Badge>
      </div>
      <Title order={2} className={classes.name}>
        {locale.text(body.name)}
      </Title>
      <Text size="sm" className={classes.role}>
        {locale.text(body.role)}
      </Text>
      <dl className={classes.facts}>
        <div>
          <dt>{t('bodies.seat')}</dt>
          <dd>{body.seat ? locale.text(body.seat) : t('bodies.noSeat')}</dd>
        </div>
        <div>
          <dt>{t('bodies.since')}</dt>
          <dd>{body.since ? locale.date(body.since) : '—'}</dd>
        </div>
        <div>
          <dt>{t('bodies.charterArticle')}</dt>
          <dd>{body.charterArticle ?? '—'}</dd>
        </div>
      </dl>
      <div className={classes.cardFoot}>
        <ConfidenceBadge confidence={body.confidence} />
      </div>
    </li>
  );
}

function PeopleTable({ office, query }: { office: Office; query: ReturnType<typeof usePeople> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = `office-${office}`;
  return (
    <div className={classes.tableCard}>
      <Title order={3} id={captionId} className={classes.tableTitle}>
        {t(`office.${office}`)}
      </Title>
      <QueryState query={query}>
        {(people) => (
          <Table.ScrollContainer minWidth={420}>
            <Table aria-labelledby={captionId} verticalSpacing="xs" className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('bodies.table.order')}</Table.Th>
                  <Table.Th scope="col">{t('bodies.table.name')}</Table.Th>
                  <Table.Th scope="col">{t('bodies.table.country')}</Table.Th>
                  <Table.Th scope="col">{t('bodies.table.term')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...people]
                  .sort((a, b) => a.order - b.order)
                  .map((person) => (
                    <Table.Tr key={person.id} id={`person-${person.id}`} className={classes.person}>
                      <Table.Td className={classes.num}>{locale.number(person.order)}</Table.Td>
                      <Table.Th scope="row" className={classes.personName}>
                        {locale.text(person.name)}
                      </Table.Th>
                      <Table.Td>
                        {person.country ? (
                          <RouterAnchor to={`/states/${person.country}`} size="sm">
                            {locale.text(person.countryName) || person.country}
                          </RouterAnchor>
                        ) : (
                          <Text span size="sm" c="gray.7">
                            {t('bodies.countryUnknown')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className={classes.term}>
                        {t('common.dateRange', {
                          from: locale.date(person.start),
                          to: person.end ? locale.date(person.end) : t('common.present'),
                        })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </div>
  );
}
