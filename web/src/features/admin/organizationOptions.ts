import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { TFunction } from 'i18next';
import { ORGANIZATION_KINDS, type Organization } from '../../api/types.ts';
import type { useLocale } from '../../lib/useLocale.ts';

/** Organizations as Select options, grouped by kind and sorted by name in the interface language. */
export function organizationOptions(
  organizations: readonly Organization[],
  t: TFunction,
  locale: ReturnType<typeof useLocale>,
): ComboboxItemGroup<ComboboxItem>[] {
  return ORGANIZATION_KINDS.map((kind) => ({
    group: t(`orgKind.${kind}`),
    items: organizations
      .filter((organization) => organization.kind === kind)
      .map((organization) => ({ value: organization.id, label: locale.text(organization.name) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale.language)),
  })).filter((group) => group.items.length > 0);
}
