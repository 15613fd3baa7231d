import { Anchor, List, Text } from '@mantine/core';
import classes from './assessment.module.css';
import { useAssessmentText } from './useAssessmentText.ts';

const STEPS = ['raw', 'weighted', 'index', 'trend', 'regions', 'access'] as const;

/** Sources of the method, as `docs/threat-index.md` cites them. */
const SOURCES = [
  { key: 'iep', href: 'https://www.visionofhumanity.org/resources/' },
  { key: 'wikipedia', href: 'https://en.wikipedia.org/wiki/Global_Terrorism_Index' },
] as const;

/**
 * "How the index is computed": the method of `docs/threat-index.md` in a few lines (the document
 * itself is not served by the web app), with the sources of the Global Terrorism Index it is
 * modelled on.
 */
export function MethodPanel() {
  const { t } = useAssessmentText();
  return (
    <details className={classes.method}>
      <summary>{t('method.title')}</summary>
      <Text mt="sm">{t('method.lead')}</Text>
      <List type="ordered" spacing="xs" mt="sm" className={classes.steps}>
        {STEPS.map((step) => (
          <List.Item key={step}>{t(`method.step.${step}`)}</List.Item>
        ))}
      </List>
      <Text mt="sm" size="sm">
        {t('method.sources')}{' '}
        {SOURCES.map((source, i) => (
          <span key={source.key}>
            {i > 0 && '; '}
            <Anchor href={source.href} target="_blank" rel="noreferrer">
              {t(`method.source.${source.key}`)}
            </Anchor>
          </span>
        ))}
        .
      </Text>
    </details>
  );
}
