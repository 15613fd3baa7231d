import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { TlpBadge, TypeBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import { nameOf } from './ObjectHeader.tsx';
import { objectPath, typeOfId } from './paths.ts';
import { useObjectsById } from './queries.ts';
import { useIntelText } from './useIntelText.ts';

/** At most this many references are read one by one; the rest are listed by id. */
const RESOLVED = 100;

/**
 * Objects referenced by id (a report's `object_refs`, an incident's perpetrators): each readable
 * one as a link with its name, type and TLP; the others by id, said to be out of the reader's reach.
 */
export function RefList({ ids, label }: { ids: readonly string[]; label: string }) {
  const { t, typeLabel } = useIntelText();
  const views = useObjectsById(ids.slice(0, RESOLVED));
  if (ids.length === 0) return <p className={classes.muted}>{t('object.none')}</p>;
  return (
    <ul className={classes.refs} aria-label={label}>
      {ids.map((id, at) => {
        const view = views[at];
        const type = typeOfId(id) ?? '';
        if (view) {
          return (
            <li key={id} className={classes.ref}>
              <RouterAnchor to={objectPath(view.object.type, id)}>{nameOf(view)}</RouterAnchor>
              <span className={classes.refBadges}>
                <TypeBadge type={view.object.type} />
                <TlpBadge tlp={view.tlp} />
              </span>
            </li>
          );
        }
        return (
          <li key={id} className={classes.ref}>
            <span>{typeLabel(type)}</span> <code className={classes.id}>{id}</code>
            {view === null && <span className={classes.muted}> — {t('refs.unreadable')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
