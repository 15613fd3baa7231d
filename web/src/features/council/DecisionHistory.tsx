import classes from './council.module.css';
import { newestFirst } from './decision.model.ts';
import type { Decision, HistoryEvent } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';

/** One event of the log in a sentence of the interface language, and the text that came with it. */
export function useDescribeEvent(decision: Decision) {
  const { t, stateName, ruleLabel, moment } = useCouncilText();
  return (event: HistoryEvent): { text: string; quote: string | null } => {
    const state = event.state ? stateName(event.state) : '';
    switch (event.type) {
      case 'opened':
        return {
          text: event.deadline
            ? t('board.history.openedSilence', {
                rule: ruleLabel(decision),
                deadline: moment(event.deadline),
              })
            : t('board.history.opened', { rule: ruleLabel(decision) }),
          quote: null,
        };
      case 'position':
        return {
          text: t('board.history.position', { state, position: t(`position.${event.position}`) }),
          quote: event.text || null,
        };
      case 'withdraw-objection':
        return { text: t('board.history.withdraw', { state }), quote: null };
      case 'silence-launched':
        return {
          text: t('board.history.silenceLaunched', {
            deadline: event.deadline ? moment(event.deadline) : '',
          }),
          quote: null,
        };
      case 'silence-broken':
        return {
          text: t('board.history.silenceBroken', {
            state,
            reason: t(`board.silence.reason.${event.reason === 'amendment' ? 'amendment' : 'objection'}`),
          }),
          quote: event.text || null,
        };
      case 'written-launched':
        return {
          text: t('board.history.writtenLaunched', {
            agreeBy: event.agreeBy ? moment(event.agreeBy) : '',
            deadline: event.deadline ? moment(event.deadline) : '',
          }),
          quote: null,
        };
      case 'written-answer':
        return {
          text: t(event.agrees ? 'board.history.writtenAgreed' : 'board.history.writtenRefused', { state }),
          quote: event.text || null,
        };
      case 'amendment-proposed':
        return { text: t('board.history.amendment', { state }), quote: event.text || null };
      case 'closed':
        return { text: t('board.history.closed'), quote: event.ruling || null };
      default:
        return { text: t('board.history.other', { type: event.type }), quote: null };
    }
  };
}

/**
 * The colour of an event's dot: its position's, no objection after a withdrawal, and support or
 * objection for an agreement to or a refusal of the written procedure.
 */
function eventColour(event: HistoryEvent): string | undefined {
  if (event.type === 'position') return event.position;
  if (event.type === 'withdraw-objection') return 'no-objection';
  if (event.type === 'written-answer') return event.agrees ? 'support' : 'objection';
  return undefined;
}

/** The decision's log, newest first, each act with its time and its text. */
export function DecisionHistory({ decision }: { decision: Decision }) {
  const { moment } = useCouncilText();
  const describe = useDescribeEvent(decision);
  return (
    <ol className={classes.history}>
      {newestFirst(decision).map((event) => {
        const { text, quote } = describe(event);
        return (
          <li key={event.seq} className={classes.event} data-position={eventColour(event)}>
            <time className={classes.eventTime} dateTime={event.at}>
              {moment(event.at)}
            </time>
            <div>
              <div className={classes.eventText}>{text}</div>
              {quote && <blockquote className={classes.quote}>{quote}</blockquote>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
