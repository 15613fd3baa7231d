import type { TFunction } from 'i18next';

/** A refusal of the API for display next to the form: its `error.message`, as the server wrote it. */
export function refusal(error: unknown, t: TFunction<'council'>): string | null {
  if (!error) return null;
  return t('error.refused', { message: error instanceof Error ? error.message : String(error) });
}
