import { Alert, Anchor, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableFrame } from '../../components/TableFrame.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './conventions.module.css';
import { CONVENTIONS } from './i18n.ts';
import { useMatrix } from './queries.ts';
import { StatusText } from './StatusText.tsx';
import type { Matrix } from './types.ts';

/** The path of a cell's page, keeping the date asked about. */
export const cellPath = (instrument: string, state: string, at: string) =>
  `/conventions/${encodeURIComponent(instrument)}/${encodeURIComponent(state)}${at ? `?at=${at}` : ''}`;

/**
 * The Conventions' matrix: member states as rows, the four instruments as columns, each cell its
 * status in words and its date, the laws counted and the latest note's date (for those who may
 * read them). On a narrow screen the table scrolls sideways with the state column kept in view.
 */
export function ConventionsPage() {
  const { t } = useTranslation(CONVENTIONS);
  usePageTitle(t('matrix.title'));
  const [params, setParams] = useSearchParams();
  const at = params.get('at') ?? '';
  const matrix = useMatrix(at);
  const setAt = (value: string) =>
    setParams(value ? { at: value } : {}, { replace: true, preventScrollReset: true });

  return (
    <>
      <PageHeader title={t('matrix.title')} lead={t('matrix.lead')} />
      <div className={classes.controls}>
        <TextInput
          type="date"
          label={t('matrix.at')}
          description={t('matrix.atHelp')}
          value={at}
          onChange={(event) => setAt(event.currentTarget.value)}
        />
      </div>
      <QueryState query={matrix}>{(data) => <MatrixTable matrix={data} at={at} />}</QueryState>
    </>
  );
}

function MatrixTable({ matrix, at }: { matrix: Matrix; at: string }) {
  const { t } = useTranslation(CONVENTIONS);
  const locale = useLocale();
  const instrumentName = (id: string) => t(`instrument.${id}`);
  return (
    <>
      <Text size="sm" c="gray.7" mb="sm">
        {t('matrix.legend')}
      </Text>
      <TableFrame label={t('matrix.caption', { date: locale.date(matrix.asOf) })} minWidth={820}>
        <Table.Caption>{t('matrix.caption', { date: locale.date(matrix.asOf) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.stateCell}>
              {t('matrix.state')}
            </Table.Th>
            {matrix.instruments.map((instrument) => (
              <Table.Th scope="col" key={instrument.id}>
                {instrumentName(instrument.id)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.rows.map(({ state, cells }) => (
            <Table.Tr key={state.code}>
              <Table.Th scope="row" className={classes.stateCell}>
                {locale.text(state.name)}
              </Table.Th>
              {cells.map((cell, i) => {
                const instrument = matrix.instruments[i];
                if (!instrument) return null;
                return (
                  <Table.Td key={cell.instrument} className={classes.cell}>
                    <Anchor
                      component={Link}
                      to={cellPath(cell.instrument, state.code, at)}
                      className={classes.cellLink}
                    >
                      <StatusText facts={cell} recorded={instrument.recorded} />
                      <VisuallyHidden>
                        {`, ${t('matrix.open', { state: locale.text(state.name), instrument: instrumentName(cell.instrument) })}`}
                      </VisuallyHidden>
                    </Anchor>
                    {cell.laws !== null && (
                      <span className={classes.detail}>{t('matrix.laws', { count: cell.laws })}</span>
                    )}
                    {cell.latestNote && (
                      <span className={classes.detail}>
                        {t('matrix.note', { date: locale.date(cell.latestNote.date) })}
                      </span>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableFrame>
      {matrix.instruments.some((i) => !i.recorded) && (
        <Text size="sm" c="gray.7" mt="sm">
          {matrix.instruments
            .filter((i) => !i.recorded)
            .map((i) => instrumentName(i.id))
            .join('; ')}
          {': '}
          {t('matrix.unrecorded')}
        </Text>
      )}
      {!matrix.readsLaws && (
        <Alert variant="light" mt="md">
          {t('matrix.signIn')}
        </Alert>
      )}
    </>
  );
}
