import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { formatOffset, timeZones, zoneOffsetMinutes } from './time.ts';
import { useCouncilText } from './useCouncilText.ts';

/**
 * The time zone in which the chair gives a deadline: every zone Intl knows, each with its offset
 * today, searchable by name. The silence and written procedure forms share it.
 */
export function ZoneSelect({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (zone: string) => void;
  /** The field's label when "Time zone" alone would not say which times it applies to. */
  label?: string;
}) {
  const { t } = useCouncilText();
  const zones = useMemo(() => {
    const at = Date.now();
    return timeZones().map((zone) => ({
      value: zone,
      label: `${zone.replaceAll('_', ' ')} (UTC${formatOffset(zoneOffsetMinutes(zone, at))})`,
    }));
  }, []);
  return (
    <Select
      label={label ?? t('chair.zone')}
      placeholder={t('chair.zoneSearch')}
      data={zones}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="—"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
