import { Table } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { geoConicEqualArea, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { useId, useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import type { StatusName } from '../../api/types.ts';
import { TableFrame } from '../../components/TableFrame.tsx';
import classes from './assessment.module.css';
import { type ColourScale, legendLabel, OTHER_COLOUR, SPACE_COLOUR } from './colour.model.ts';
import type { Measure } from './types.ts';
import { useAssessmentText } from './useAssessmentText.ts';

/** The countries' outlines (Natural Earth 1:110m, in the bundle: nothing is fetched), by ISO alpha-2. */
const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const COUNTRIES = feature(topology, topology.objects.countries).features.map((country, i) => ({
  key: String(country.id ?? `n${i}`),
  code: country.id === undefined ? undefined : countries.numericToAlpha2(String(country.id)),
  country,
}));

const PAD = 10;
const MAX_HEIGHT = 560;

export interface MapProps {
  /** The chosen states' values of the measure in the year shown. */
  values: ReadonlyMap<string, number>;
  scale: ColourScale;
  measure: Measure;
  /** The SCO space in the year shown: each state with its status. */
  space: ReadonlyMap<string, StatusName>;
  /** Every state that has been in the SCO space: the map is framed on them, and stays so. */
  frame: readonly string[];
  year: number;
}

/**
 * The choropleth map of the SCO space: the chosen states coloured by the measure in the year
 * shown, the other states of the SCO space highlighted in a pale blue, every other country grey;
 * an equal-area projection centred on Central Asia. The map is an image with a title and a
 * description, followed by its legend and by the same figures as a table, its accessible
 * equivalent.
 */
export function ChoroplethMap({ values, scale, measure, space, frame, year }: MapProps) {
  const { t, stateName, number, score } = useAssessmentText();
  const format = measure === 'index' ? score : number;
  const id = useId();
  const { ref, width: measured } = useElementSize<HTMLDivElement>();
  const width = Math.max(280, Math.round(measured) || 960);
  const frameKey = frame.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the frame is compared by value (`frameKey`).
  const { outlines, height } = useMemo(() => {
    const framed = COUNTRIES.filter((c) => c.code && frame.includes(c.code)).map((c) => c.country);
    const target = {
      type: 'FeatureCollection' as const,
      features: framed.length ? framed : COUNTRIES.map((c) => c.country),
    };
    // As wide as the frame, unless that makes it taller than `MAX_HEIGHT`: then centred, narrower.
    const projection = geoConicEqualArea().parallels([25, 50]).rotate([-85, 0]);
    projection.fitWidth(width - 2 * PAD, target);
    const path = geoPath(projection);
    const [[, top], [, bottom]] = path.bounds(target);
    const height = Math.min(MAX_HEIGHT, Math.ceil(bottom - top + 2 * PAD));
    projection.fitExtent(
      [
        [PAD, PAD],
        [width - PAD, height - PAD],
      ],
      target,
    );
    return {
      height,
      outlines: COUNTRIES.map((c) => ({ key: c.key, code: c.code, d: path(c.country) ?? '' })),
    };
  }, [frameKey, width]);

  const fillOf = (code: string | undefined) => {
    if (code && values.has(code)) return scale.colourOf(values.get(code) as number);
    if (code && space.has(code)) return SPACE_COLOUR;
    return OTHER_COLOUR;
  };
  const rows = [...values].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const measureName = t(`measure.${measure}`);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  // The chosen states last, so their outlines are drawn over their neighbours'.
  const ordered = [...outlines].sort(
    (a, b) => Number(Boolean(a.code && space.has(a.code))) - Number(Boolean(b.code && space.has(b.code))),
  );
  return (
    <figure className={classes.map}>
      <div ref={ref}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className={classes.mapSvg}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          data-year={year}
        >
          <title id={titleId}>{t('map.title', { measure: measureName, year })}</title>
          <desc id={descId}>{t('map.desc', { count: values.size, year })}</desc>
          <rect className={classes.mapSea} width={width} height={height} />
          {ordered.map((outline) => (
            <path
              key={outline.key}
              d={outline.d}
              fill={fillOf(outline.code)}
              className={outline.code && space.has(outline.code) ? classes.spaceOutline : classes.outline}
              data-state={outline.code}
            >
              {outline.code && (values.has(outline.code) || space.has(outline.code)) && (
                <title>
                  {values.has(outline.code)
                    ? `${stateName(outline.code)}: ${format(values.get(outline.code) as number)}`
                    : stateName(outline.code)}
                </title>
              )}
            </path>
          ))}
        </svg>
      </div>
      <figcaption className={classes.legend}>
        <span className={classes.legendTitle}>{t('map.legend', { measure: measureName, year })}</span>
        <ul className={classes.legendList}>
          {scale.legend.map((item) => (
            <li key={`${item.from}-${item.to}`}>
              <span className={classes.swatch} style={{ background: item.colour }} aria-hidden="true" />
              {legendLabel(item, measure, format)}
            </li>
          ))}
          <li>
            <span className={classes.swatch} style={{ background: SPACE_COLOUR }} aria-hidden="true" />
            {t('map.space')}
          </li>
          <li>
            <span className={classes.swatch} style={{ background: OTHER_COLOUR }} aria-hidden="true" />
            {t('map.other')}
          </li>
        </ul>
      </figcaption>
      <details className={classes.figures}>
        <summary>{t('map.table', { year })}</summary>
        <TableFrame label={t('map.table', { year })} minWidth={320}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('map.state')}</Table.Th>
              <Table.Th scope="col">{t('map.status')}</Table.Th>
              <Table.Th scope="col" className={classes.numeric}>
                {measureName}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([code, value]) => (
              <Table.Tr key={code}>
                <Table.Th scope="row">{stateName(code)}</Table.Th>
                <Table.Td>{t(`status.${space.get(code) ?? 'none'}`)}</Table.Td>
                <Table.Td className={classes.numeric}>{format(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableFrame>
      </details>
    </figure>
  );
}
