import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './council.module.css';
import { COUNCIL } from './i18n.ts';
import type { StreamState } from './queries.ts';

/**
 * Says whether the board is following the decision live: a pulsing dot while the stream is
 * open; "final" once the decision has ended (nothing can change any more).
 */
export function LiveIndicator({
  state,
  final,
  onReconnect,
}: {
  state: StreamState;
  final: boolean;
  onReconnect: () => void;
}) {
  const { t } = useTranslation(COUNCIL);
  const shown = final ? 'final' : state;
  return (
    <span className={classes.live} data-state={shown}>
      <span className={classes.liveDot} aria-hidden="true" />
      <span role="status" title={shown === 'live' ? t('board.stream.liveHelp') : undefined}>
        {t(`board.stream.${shown}`)}
      </span>
      {!final && state === 'closed' && (
        <Button variant="subtle" size="compact-xs" onClick={onReconnect}>
          {t('board.stream.reconnect')}
        </Button>
      )}
    </span>
  );
}
