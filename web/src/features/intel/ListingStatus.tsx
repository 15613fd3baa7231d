import { Badge, Text } from '@mantine/core';
import { useMe, useStates } from '../../api/queries.ts';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { todayIso } from '../../lib/format.ts';
import { intelAccess } from './access.ts';
import classes from './intel.module.css';
import { useCommonList } from './queries.ts';
import type { ListEntry } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/** The latest entry of the common list's history about an object, if any. */
export function latestEntry(history: readonly ListEntry[], objectId: string): ListEntry | null {
  return history.filter((entry) => entry.objectId === objectId).at(-1) ?? null;
}

/**
 * Where an organization stands on the common list: listed (by which decision, when, with which
 * reservations), removed, or never listed. Signed-in readers only, as the list is.
 */
export function ListingStatus({ objectId }: { objectId: string }) {
  const { t, text, moment } = useIntelText();
  const me = useMe();
  const access = intelAccess(me.data);
  const list = useCommonList(access.signedIn);
  if (!access.signedIn) return <Text c="gray.7">{t('listing.signIn')}</Text>;
  if (list.isPending) return <Text c="gray.7">{t('listing.loading')}</Text>;
  if (list.isError) return <Text c="gray.7">{t('listing.unavailable')}</Text>;
  const entry = latestEntry(list.data.history, objectId);
  if (!entry) return <Text c="gray.7">{t('listing.never')}</Text>;
  const listed = entry.action === 'add';
  return (
    <div className={classes.listing} data-listed={listed}>
      <Badge variant={listed ? 'filled' : 'outline'} color={listed ? 'red.9' : 'gray.7'}>
        {listed ? t('listing.listed') : t('listing.removed')}
      </Badge>
      <Text>
        {t(listed ? 'listing.addedBy' : 'listing.removedBy', { at: moment(entry.decidedAt) })}{' '}
        <RouterAnchor to={`/council/decisions/${encodeURIComponent(entry.decisionId)}`} underline="always">
          {text(entry.decision)}
        </RouterAnchor>
      </Text>
      {entry.reservations.length > 0 && <Reservations items={entry.reservations} />}
    </div>
  );
}

/** The reservations published with a decision, each with its state's name. */
export function Reservations({ items }: { items: ListEntry['reservations'] }) {
  const { t, text } = useIntelText();
  const states = useStates({ at: todayIso() });
  const names = new Map((states.data ?? []).map((state) => [state.code, text(state.name)]));
  return (
    <ul className={classes.reservations} aria-label={t('listing.reservations')}>
      {items.map((item) => (
        <li key={`${item.state}:${item.text}`}>
          <span className={classes.reservationState}>{names.get(item.state) ?? item.state}</span>: {item.text}
        </li>
      ))}
    </ul>
  );
}
