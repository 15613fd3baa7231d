import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from './policy.rules.ts';

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

/** How a list named in a scope is asked in SQL: a condition that the row's list holds `value`. */
export type ListCondition = (value: string) => Expression<SqlBool>;

/**
 * Turns the policy's scopes into one SQL condition: scope fields are mapped to the table's
 * columns by `columns`, listed fields to conditions by `lists`; an empty list of scopes (no
 * rule grants anything) becomes FALSE. A scope naming a field with no mapping is a programming
 * error and throws, never widening access.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scopes: readonly Scope[],
  columns: Record<string, string>,
  lists: Record<string, ListCondition> = {},
): Expression<SqlBool> {
  const one = (s: Scope): Expression<SqlBool> => {
    if ('all' in s) return TRUE;
    if ('none' in s) return FALSE;
    if ('allOf' in s) return s.allOf.length ? eb.and(s.allOf.map(one)) : TRUE;
    if ('anyOf' in s) return s.anyOf.length ? eb.or(s.anyOf.map(one)) : FALSE;
    if ('listed' in s) {
      const list = lists[s.listed];
      if (!list) throw new Error(`no condition for scope list ${s.listed}`);
      return list(s.contains);
    }
    const column = columns[s.field];
    if (!column) throw new Error(`no column for scope field ${s.field}`);
    if ('in' in s) return s.in.length ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(s.in)})` : FALSE;
    return sql<SqlBool>`${sql.ref(column)} = ${s.equals}`;
  };
  if (scopes.some((s) => 'all' in s)) return TRUE;
  return scopes.length === 0 ? FALSE : eb.or(scopes.map(one));
}
