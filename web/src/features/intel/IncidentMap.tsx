import { useElementSize } from '@mantine/hooks';
import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import classes from './intel.module.css';
import { extentOf, mapPoints, radiusOf } from './map.model.ts';
import type { IncidentRow } from './types.ts';
import { useIntelText } from './useIntelText.ts';

const PAD = 12;

/** The countries' outlines (Natural Earth 1:110m, shipped in the bundle: nothing is fetched). */
const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const COUNTRIES = feature(topology, topology.objects.countries).features;

/**
 * The incidents of a page on an SVG map: country outlines and a circle per incident that has a
 * place, its area growing with the killed and wounded. The map is an image with a title and a
 * description; its points are for the pointer (a click opens the incident), and the table of the
 * same rows is the accessible equivalent.
 */
export function IncidentMap({ rows, id = 'incident-map' }: { rows: readonly IncidentRow[]; id?: string }) {
  const { t, number } = useIntelText();
  const navigate = useNavigate();
  // Drawn at the width of its frame, so that circles keep their size in pixels on a phone.
  const { ref, width: measured } = useElementSize<HTMLDivElement>();
  const WIDTH = Math.max(280, Math.round(measured) || 960);
  const HEIGHT = Math.round(Math.min(520, Math.max(260, WIDTH * 0.55)));
  const points = useMemo(() => mapPoints(rows), [rows]);
  const extent = extentOf(points);
  const key = JSON.stringify(extent);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the extent is compared by value (`key`).
  const { outlines, projection } = useMemo(() => {
    const projection = geoMercator().fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      { type: 'MultiPoint', coordinates: extent },
    );
    const path = geoPath(projection);
    return {
      projection,
      outlines: COUNTRIES.map((country, index) => ({
        id: String(country.id ?? index),
        d: path(country) ?? '',
      })),
    };
  }, [key, WIDTH, HEIGHT]);
  const largest = Math.max(0, ...points.map((p) => p.casualties));
  // Largest first, so the small circles stay on top and can be clicked.
  const placed = [...points]
    .sort((a, b) => b.casualties - a.casualties)
    .map((point) => {
      const [x, y] = projection([point.longitude, point.latitude]) ?? [Number.NaN, Number.NaN];
      return { ...point, x, y, r: radiusOf(point.casualties, largest) };
    })
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className={classes.map}>
      <div ref={ref}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className={classes.mapSvg}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          data-points={placed.length}
        >
          <title id={titleId}>{t('map.title')}</title>
          <desc id={descId}>
            {t('map.desc', { count: placed.length, missing: rows.length - placed.length })}
          </desc>
          <rect className={classes.mapSea} width={WIDTH} height={HEIGHT} />
          <g className={classes.mapLand}>
            {outlines.map((outline) => (
              <path key={outline.id} d={outline.d} />
            ))}
          </g>
          <g className={classes.mapPoints}>
            {placed.map((point) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: the table of the same incidents is the keyboard path.
              <circle
                key={point.id}
                cx={point.x}
                cy={point.y}
                r={point.r}
                className={classes.mapPoint}
                data-incident={point.id}
                onClick={() => navigate(`/intel/incidents/${encodeURIComponent(point.id)}`)}
              >
                <title>{t('map.point', { name: point.name, casualties: number(point.casualties) })}</title>
              </circle>
            ))}
          </g>
        </svg>
      </div>
      <figcaption className={classes.mapCaption}>
        <span className={classes.legendDot} aria-hidden="true" /> {t('map.legend')}
      </figcaption>
    </figure>
  );
}
