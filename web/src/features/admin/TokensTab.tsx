import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTokens } from '../../api/queries.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { TokenTable } from '../identity/Tokens.tsx';
import classes from './admin.module.css';

/** Every API token of every user, newest first, with revoke. */
export function TokensTab() {
  const { t } = useTranslation();
  const tokens = useTokens();
  return (
    <QueryState query={tokens}>
      {(result) => (
        <>
          <Text className={classes.count} role="status">
            {t('tokens.count', { count: result.total })}
          </Text>
          <TokenTable tokens={result.items} showUser />
        </>
      )}
    </QueryState>
  );
}
