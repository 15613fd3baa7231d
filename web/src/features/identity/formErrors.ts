import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';

/**
 * Turns the API's refusals into messages for a form: a fault the server attributes to one of the
 * form's fields goes under that field, in the interface language where we know the rule; any
 * other fault is shown once for the whole form.
 */

/** What each field's server-side rule says, in the interface language. */
const RULES: Record<string, string> = {
  username: 'form.usernameRule',
  password: 'form.passwordRule',
  displayName: 'form.required',
  name: 'form.required',
  'name.en': 'form.required',
  id: 'admin.organizations.idRule',
  roles: 'tokens.pickRole',
};

/** The field of the form the error is about, if it is one of `fields`. */
function faultField(error: unknown, fields: readonly string[]): string | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) return undefined;
  const field = error.field;
  return field && fields.includes(field) ? field : undefined;
}

/** The message to show under `field`, when the error is about it. */
export function fieldError(error: unknown, field: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiError) || faultField(error, [field]) !== field) return undefined;
  if (error.status === 409) return t('form.taken');
  const rule = RULES[field];
  return rule ? t(rule) : error.message;
}

/** The message for the whole form, when the error is not about one of its `fields`. */
export function formError(error: unknown, fields: readonly string[], t: TFunction): string | undefined {
  if (!error || faultField(error, fields)) return undefined;
  if (error instanceof ApiError && error.status === 403) return t('form.notAllowed');
  const message = error instanceof Error ? error.message : String(error);
  return t('form.failed', { message });
}
