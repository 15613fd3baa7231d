import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocument, useSummits } from '../../api/queries.ts';
import type { DocumentDetail } from '../../api/types.ts';
import { ConfidenceBadge, DocKindBadge } from '../../components/Badges.tsx';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Provenance } from '../../components/Provenance.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import sectionClasses from '../../components/Section.module.css';
import { LANGUAGES } from '../../i18n/index.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSummitName } from '../summits/useSummitName.ts';
import classes from './DocumentPage.module.css';

/** `/documents/:id`: one document with its parties, summit, entry into force and sources. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const document = useDocument(id);
  return <QueryState query={document}>{(data) => <DocumentView document={data} />}</QueryState>;
}

function DocumentView({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summitName = useSummitName();
  const title = locale.text(document.title);
  usePageTitle(title);
  const summits = useSummits().data ?? [];
  const summit = document.summitId ? summits.find((s) => s.id === document.summitId) : undefined;
  const parties = [...document.parties].sort((a, b) =>
    locale.text(a.name).localeCompare(locale.text(b.name), locale.language),
  );

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={`${t(`docKind.${document.kind}`)} · ${locale.date(document.date)}`}
        crumbs={[{ to: '/documents', label: t('document.breadcrumb') }]}
      >
        <Group gap="xs" mt="md">
          <DocKindBadge kind={document.kind} size="md" />
          <ConfidenceBadge confidence={document.confidence} size="md" />
        </Group>
      </PageHeader>
      <div className={classes.grid}>
        <div className={sectionClasses.card}>
          <Facts
            label={t('document.details')}
            items={[
              { label: t('document.kind'), value: t(`docKind.${document.kind}`) },
              { label: t('document.date'), value: locale.date(document.date) },
              { label: t('document.place'), value: locale.text(document.place) || t('document.notRecorded') },
              {
                label: t('document.body'),
                value: document.body ? (
                  <RouterAnchor to={`/bodies#body-${document.body.id}`}>
                    {locale.text(document.body.name)}
                  </RouterAnchor>
                ) : (
                  t('document.notRecorded')
                ),
              },
              {
                label: t('document.summit'),
                value: document.summitId ? (
                  <RouterAnchor to={`/summits/${document.summitId}`}>
                    {summit ? summitName(summit) : document.summitId}
                  </RouterAnchor>
                ) : (
                  t('document.notRecorded')
                ),
              },
              {
                label: t('document.entryIntoForce'),
                value: document.entryIntoForce
                  ? locale.date(document.entryIntoForce)
                  : t('document.notRecorded'),
              },
            ]}
          />
        </div>
        <section aria-labelledby="titles-title" className={sectionClasses.card}>
          <h2 id="titles-title" className={classes.subTitle}>
            {t('document.titles')}
          </h2>
          <dl className={classes.titles}>
            {LANGUAGES.filter((language) => document.title[language]).map((language) => (
              <div key={language}>
                <dt className={classes.titleLang}>{t(`document.languageName.${language}`)}</dt>
                <dd lang={language === 'zh' ? 'zh-Hans' : language} className={classes.titleText}>
                  {document.title[language]}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      {document.description && (
        <Section id="description" title={t('document.description')}>
          <Text className={classes.description}>{locale.text(document.description)}</Text>
        </Section>
      )}

      <Section id="parties" title={t('document.parties')}>
        {parties.length === 0 ? (
          <Text c="gray.7">{t('document.noParties')}</Text>
        ) : (
          <ul className={classes.parties}>
            {parties.map((party) => (
              <li key={party.code}>
                <RouterAnchor to={`/states/${party.code}`} className={classes.party}>
                  {locale.text(party.name)}
                </RouterAnchor>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Provenance
        confidence={document.confidence}
        sources={document.sources}
        notes={document.notes}
        conflicts={document.conflicts}
      />
    </>
  );
}
