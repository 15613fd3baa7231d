import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from './policy.rules.ts';

/**
 * Turns the policy's scopes into one SQL condition: scope fields are mapped to the table's
 * columns by `columns`; an empty list (no rule grants anything) becomes FALSE.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scopes: Scope[],
  columns: Record<string, string>,
): Expression<SqlBool> {
  if (scopes.some((s) => 'all' in s)) return sql<SqlBool>`1 = 1`;
  const conditions = scopes.flatMap((s) => {
    if (!('field' in s)) return [];
    const column = columns[s.field];
    if (!column) throw new Error(`no column for scope field ${s.field}`);
    return [sql<SqlBool>`${sql.ref(column)} = ${s.equals}`];
  });
  return conditions.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(conditions);
}
