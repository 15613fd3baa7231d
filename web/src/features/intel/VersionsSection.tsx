import { Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState.tsx';
import classes from './intel.module.css';
import { useVersions } from './queries.ts';
import { useIntelText } from './useIntelText.ts';

/** Every version of an object, newest first, each with its date and the STIX object as stored. */
export function VersionsSection({ id }: { id: string }) {
  const { t, moment } = useIntelText();
  const versions = useVersions(id);
  return (
    <QueryState query={versions}>
      {(result) =>
        result.items.length === 0 ? (
          <Text c="gray.7">{t('versions.empty')}</Text>
        ) : (
          <ul className={classes.versions}>
            {[...result.items].reverse().map((version, index) => (
              <li key={version.modified} className={classes.version}>
                <details>
                  <summary>
                    {t('versions.item', {
                      n: result.items.length - index,
                      at: moment(version.modified),
                      name: typeof version.object.name === 'string' ? version.object.name : version.object.id,
                    })}
                  </summary>
                  <pre className={classes.json}>{JSON.stringify(version.object, null, 2)}</pre>
                </details>
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}
