import { Badge, Text, Title } from '@mantine/core';
import { PositionBadge } from './CouncilBadges.tsx';
import classes from './council.module.css';
import { positionOf, positionSince, writtenOf } from './decision.model.ts';
import type { Decision, Position } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';

/** The text that goes with a state's position: its objection's reason, reservation or statement. */
function textOf(decision: Decision, state: string): string | null {
  return (
    decision.standingObjections.find((o) => o.state === state)?.reason ??
    decision.reservations.find((r) => r.state === state)?.text ??
    decision.statements.find((s) => s.state === state)?.text ??
    null
  );
}

/**
 * A card per member state on the roster: its name, its current position (coloured), the text that
 * goes with it and since when; the chair, the state concerned and the viewer's own delegation are
 * marked, and, while the use of the written procedure is being agreed, the states that agreed.
 */
export function StatesGrid({ decision, self }: { decision: Decision; self: string | null }) {
  const { t, stateName, moment } = useCouncilText();
  const written = writtenOf(decision);
  const agreedWritten = new Set(written?.stage === 'agreeing' ? written.agreed : []);
  return (
    <ul className={classes.states}>
      {decision.eligible.map((state) => {
        const position = positionOf(decision, state);
        const counted = state !== decision.concernedState;
        const text = textOf(decision, state);
        const since = position ? positionSince(decision, state) : null;
        return (
          <li
            key={state}
            className={classes.stateCard}
            data-position={position ?? 'none'}
            data-counted={counted}
            data-self={state === self}
          >
            <div className={classes.stateHead}>
              <h3 className={classes.stateName}>{stateName(state)}</h3>
              <span className={classes.code} aria-hidden="true">
                {state}
              </span>
            </div>
            <div>
              <PositionBadge position={position} />
            </div>
            {text && <p className={classes.stateText}>{text}</p>}
            {since && (
              <time className={classes.stateSince} dateTime={since}>
                {t('board.states.since', { at: moment(since) })}
              </time>
            )}
            {!counted && <span className={classes.note}>{t('board.states.concerned')}</span>}
            {(state === decision.chairState || state === self || agreedWritten.has(state)) && (
              <div className={classes.tags}>
                {agreedWritten.has(state) && (
                  <Badge
                    variant="light"
                    color="pine.8"
                    size="xs"
                    classNames={{ root: classes.wrapBadge, label: classes.wrapLabel }}
                  >
                    {t('board.states.agreedWritten')}
                  </Badge>
                )}
                {state === decision.chairState && (
                  <Badge variant="outline" color="sco.8" size="xs">
                    {t('board.states.chair')}
                  </Badge>
                )}
                {state === self && (
                  <Badge variant="filled" color="sco.7" size="xs">
                    {t('board.states.you')}
                  </Badge>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function TextList({
  title,
  position,
  items,
}: {
  title: string;
  position: Position;
  items: { state: string; text: string; at?: string }[];
}) {
  const { t, stateName, moment } = useCouncilText();
  return (
    <div className={classes.panel} data-position={position}>
      <Title order={3} className={classes.formTitle}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('board.texts.none')}
        </Text>
      ) : (
        <ul className={classes.textList}>
          {items.map((item) => (
            <li key={item.state} className={classes.textItem}>
              <span className={classes.textState}>{stateName(item.state)}</span>
              {item.at && (
                <>
                  {' · '}
                  <time className={classes.stateSince} dateTime={item.at}>
                    {t('board.texts.at', { at: moment(item.at) })}
                  </time>
                </>
              )}
              <blockquote className={classes.quote}>{item.text}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Standing objections with their reasons, reservations and statements with their texts. */
export function StateTexts({ decision }: { decision: Decision }) {
  const { t } = useCouncilText();
  return (
    <div className={classes.texts}>
      <TextList
        title={t('board.texts.objections')}
        position="objection"
        items={decision.standingObjections.map((o) => ({ state: o.state, text: o.reason, at: o.at }))}
      />
      <TextList title={t('board.texts.reservations')} position="reservation" items={decision.reservations} />
      <TextList title={t('board.texts.statements')} position="statement" items={decision.statements} />
    </div>
  );
}
