import { Type as T } from 'typebox';

/** Request and response schemas of the assessment's API. */

export const IndexQuery = T.Object(
  {
    states: T.Optional(T.String({ maxLength: 800, description: 'ISO 3166 alpha-2 codes, comma-separated' })),
    region: T.Optional(
      T.String({ maxLength: 80, description: "central-asia, sco-members, or a defined region's id" }),
    ),
    from: T.Optional(T.String({ maxLength: 10, description: 'first year, e.g. 2010' })),
    to: T.Optional(T.String({ maxLength: 10, description: 'last year, e.g. 2020' })),
  },
  { additionalProperties: false },
);

const Nullable = (schema: ReturnType<typeof T.Number>) => T.Union([schema, T.Null()]);
const Point = T.Object({
  year: T.Integer(),
  incidents: T.Number(),
  killed: T.Number(),
  wounded: T.Number(),
  property: T.Number({ description: 'the sum of property-damage bands' }),
  raw: T.Number(),
  weighted: T.Number({ description: 'five-year weighted average of raw scores' }),
  score: T.Number({ description: 'the index, 0 to 10' }),
  change1: Nullable(T.Number()),
  change5: Nullable(T.Number()),
});

export const IndexView = T.Object({
  period: T.Object({ from: T.Integer(), to: T.Integer() }),
  highestWeighted: T.Number({ description: 'the highest weighted score in the data: the index 10' }),
  method: T.String(),
  states: T.Array(T.Object({ code: T.String(), name: T.String(), series: T.Array(Point) })),
  region: T.Optional(
    T.Object({ id: T.String(), name: T.String(), states: T.Array(T.String()), series: T.Array(Point) }),
  ),
});

const Region = T.Object({
  id: T.String(),
  name: T.String(),
  states: T.Array(T.String()),
  builtIn: T.Boolean(),
});
export const RegionList = T.Object({ items: T.Array(Region) });
export const RegionView = Region;
export const RegionBody = T.Object(
  {
    name: T.String({ maxLength: 200 }),
    states: T.Array(T.String({ maxLength: 8 }), { maxItems: 250 }),
  },
  { additionalProperties: false },
);

export const FormsQuery = T.Object(
  {
    ...IndexQuery.properties,
    by: T.Optional(T.String({ maxLength: 20, description: 'attack, weapon, target or category' })),
  },
  { additionalProperties: false },
);

const Counts = { incidents: T.Number(), killed: T.Number(), wounded: T.Number() };
export const FormsView = T.Object({
  by: T.String(),
  period: T.Object({ from: T.Integer(), to: T.Integer() }),
  states: T.Array(T.String()),
  region: T.Optional(T.Object({ id: T.String(), name: T.String() })),
  categories: T.Array(
    T.Object({
      name: T.String(),
      cbrn: T.Boolean({ description: 'a chemical, biological, radiological or nuclear weapon type' }),
      total: T.Object(Counts),
      series: T.Array(T.Object({ year: T.Integer(), ...Counts })),
    }),
  ),
  cbrn: T.Array(T.Object({ year: T.Integer(), incidents: T.Number() })),
});
