import { Alert, Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../api/types.ts';
import { sourceLabel } from '../lib/format.ts';
import { ConfidenceBadge } from './Badges.tsx';
import classes from './Section.module.css';

/** Where a record comes from: its confidence, its sources, notes and the sources' disagreements. */
export function Provenance({
  id = 'provenance',
  confidence,
  sources,
  notes,
  conflicts,
}: {
  id?: string;
  confidence: Confidence;
  sources: string[];
  notes?: string;
  conflicts?: string[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`} className={classes.section}>
      <Title order={2} id={`${id}-title`} className={classes.sectionTitle}>
        {t('common.provenance')}
      </Title>
      <Stack gap="md" className={classes.card}>
        <Group gap="xs">
          <Text size="sm" c="gray.7" fw={550}>
            {t('common.confidence')}
          </Text>
          <ConfidenceBadge confidence={confidence} size="md" />
        </Group>
        {conflicts && conflicts.length > 0 && (
          <Alert variant="light" color="ochre.8" title={t('common.conflicts')}>
            <List size="sm" spacing={4}>
              {conflicts.map((conflict) => (
                <List.Item key={conflict}>{conflict}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {notes && (
          <div>
            <Text size="sm" c="gray.7" fw={550}>
              {t('common.notes')}
            </Text>
            <Text size="sm">{notes}</Text>
          </div>
        )}
        {sources.length > 0 && (
          <div>
            <Text size="sm" c="gray.7" fw={550} id={`${id}-sources`}>
              {t('common.sources')}
            </Text>
            <List size="sm" spacing={2} aria-labelledby={`${id}-sources`}>
              {sources.map((url) => (
                <List.Item key={url}>
                  <Anchor
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    title={url}
                    className={classes.source}
                  >
                    {sourceLabel(url)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </section>
  );
}
