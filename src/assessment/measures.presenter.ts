import type { IndicatorRow, MeasurementRow, MeasureRow } from './measures.repository.ts';
import {
  type Direction,
  indicatorProgress,
  type MeasureCategory,
  type MeasureKind,
  outcomeSummary,
} from './measures.rules.ts';
import type { IndicatorDto, MeasurementDto, MeasureSummaryDto, MeasureViewDto } from './measures.schemas.ts';

/** Rows of the monitoring of joint measures to API shapes; the indicators' readings are computed here by the rules. */

const json = <T>(text: string): T => JSON.parse(text) as T;

/** The fields a list, a bulletin and a page share. */
export function presentSummary(row: MeasureRow): Omit<MeasureSummaryDto, 'confidence' | 'indicators'> {
  return {
    id: row.id,
    kind: row.kind as MeasureKind,
    categories: json<MeasureCategory[]>(row.categories),
    name: json<MeasureSummaryDto['name']>(row.name),
    start: row.start_date,
    end: row.end_date,
    places: json<MeasureSummaryDto['places']>(row.places),
    participants: json<MeasureSummaryDto['participants']>(row.participants),
    outcomeSummary: outcomeSummary(json<string[]>(row.outcomes)),
  };
}

export function presentListItem(row: MeasureRow, indicators: number): MeasureSummaryDto {
  return { ...presentSummary(row), confidence: row.confidence, indicators };
}

export function presentMeasurement(row: MeasurementRow): MeasurementDto {
  return {
    id: row.id,
    date: row.date,
    value: Number(row.value),
    note: row.note,
    source: row.source_url,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** An indicator with its measurements and what the rules read from them. */
export function presentIndicator(row: IndicatorRow, measurements: readonly MeasurementRow[]): IndicatorDto {
  const shown = measurements.map(presentMeasurement);
  const target = Number(row.target);
  const baseline = row.baseline === null ? null : Number(row.baseline);
  const direction = row.direction as Direction;
  const reading = indicatorProgress({ target, baseline, direction, due: row.due }, shown);
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    target,
    baseline,
    direction,
    due: row.due,
    measurements: shown,
    ...reading,
    latest: reading.latest ? { date: reading.latest.date, value: reading.latest.value } : null,
  };
}

export function presentMeasure(
  row: MeasureRow,
  indicators: readonly IndicatorRow[],
  measurements: readonly MeasurementRow[],
  abilities: Record<string, boolean>,
): MeasureViewDto {
  const byIndicator = new Map<string, MeasurementRow[]>();
  for (const m of measurements)
    byIndicator.set(m.indicator_id, [...(byIndicator.get(m.indicator_id) ?? []), m]);
  return {
    ...presentSummary(row),
    objectives: json<string[]>(row.objectives),
    outcomes: json<string[]>(row.outcomes),
    sources: json<MeasureViewDto['sources']>(row.sources),
    confidence: row.confidence,
    unconfirmed: json<string[]>(row.unconfirmed),
    notes: row.notes,
    origin: row.origin,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    indicators: indicators.map((i) => presentIndicator(i, byIndicator.get(i.id) ?? [])),
    abilities,
  };
}
