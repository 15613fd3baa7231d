/**
 * English strings of the threat-assessment dashboard (namespace `assessment`); `i18n.ru.ts` and
 * `i18n.zh.ts` have the same keys (see `i18n.test.ts`). Registered by `i18n.ts`. The method's
 * summary follows `docs/threat-index.md`, which the web app does not serve.
 */

/** A tree of strings; the plural forms differ between languages, so only the shape is checked here. */
export type AssessmentResources = { [key: string]: string | AssessmentResources };

export const en = {
  title: 'Threat assessment',
  lead: 'The regional context of terrorism and the degree of its intensity and threat: a threat index per state and year, its trend, and the forms of terrorism, over the incidents you may read.',
  anonymous:
    'You see figures from incidents marked TLP:CLEAR only. Sign in to count what your organization may read.',
  controls: {
    label: 'Choose states and years',
    region: 'Region',
    chosenStates: 'States of my choice',
    states: 'States',
    clear: 'Clear the states',
    from: 'From (year)',
    to: 'To (year)',
    show: 'Show',
    year: 'Enter a year from {{first}} to {{last}}.',
    order: 'The first year must not be after the last.',
    noStates: 'Choose at least one state.',
  },
  region: {
    'central-asia': 'Central Asia (UN M49)',
    'sco-members': 'SCO member states',
  },
  measure: {
    label: 'Measure',
    index: 'Threat index',
    incidents: 'Incidents',
    deaths: 'Deaths',
  },
  define: {
    open: 'Define a region',
    title: 'Define a region',
    name: 'Name',
    states: 'States',
    statesHelp: 'The figures of a region are the sums over its states; its index is the mean of theirs.',
    nameRequired: 'Give the region a name.',
    statesRequired: 'Choose at least one state.',
    forbidden: 'You may not define regions.',
    cancel: 'Cancel',
    submit: 'Define',
  },
  map: {
    heading: 'Map of the SCO space',
    title: '{{measure}} by state, {{year}}',
    desc_one:
      'One chosen state is coloured by its value in {{year}}; the other states of the SCO space are pale blue, other countries grey. The table below gives the same figures.',
    desc_other:
      '{{count}} chosen states are coloured by their values in {{year}}; the other states of the SCO space are pale blue, other countries grey. The table below gives the same figures.',
    legend: '{{measure}}, {{year}}:',
    space: 'SCO space, not chosen',
    other: 'Outside the SCO space',
    table: 'Figures for {{year}} (table)',
    state: 'State',
    status: 'Status that year',
    year: 'Year',
  },
  status: {
    'shanghai-five': 'Shanghai Five',
    member: 'Member state',
    observer: 'Observer',
    'dialogue-partner': 'Dialogue partner',
    partner: 'SCO partner',
    suspended: 'Suspended',
    none: 'Outside the SCO',
  },
  chart: {
    year: 'Year',
    png: 'Download PNG',
    csv: 'Download CSV',
    pngOf: 'Download PNG: {{title}}',
    csvOf: 'Download CSV: {{title}}',
    figures: 'Figures (table)',
    figuresOf: 'Figures: {{title}}',
  },
  trend: {
    heading: 'Trend',
    title: 'Threat index per state, 0 to 10',
    desc_one:
      'A line for one state from {{from}} to {{to}}, and the region’s line dashed when a region is chosen.',
    desc_other:
      'A line for each of {{count}} states from {{from}} to {{to}}, and the region’s line dashed when a region is chosen.',
  },
  forms: {
    heading: 'Forms of terrorism',
    attack: { title: 'By attack type' },
    weapon: { title: 'By weapon type (CBRN flagged)' },
    target: { title: 'By target type' },
    category: { title: 'By category' },
    desc_one: '{{measure}} per year, stacked by one form.',
    desc_other:
      '{{measure}} per year, stacked by {{count}} forms (the largest, every CBRN weapon, and the others together).',
    count: { incidents: 'Incidents', killed: 'Deaths' },
    other: 'Others',
    cbrnName: '{{name}} (CBRN)',
    error: 'Could not load the chart “{{title}}”.',
  },
  cbrn: {
    title: 'CBRN incidents per year',
    desc_one: 'One incident with a chemical, biological, radiological or nuclear weapon in the period.',
    desc_other:
      '{{count}} incidents with a chemical, biological, radiological or nuclear weapon in the period.',
    incidents: 'CBRN incidents',
  },
  method: {
    heading: 'Method',
    title: 'How the index is computed',
    lead: 'The index is modelled on the Global Terrorism Index of the Institute for Economics and Peace, computed from the incidents you may read.',
    step: {
      raw: 'Raw score of a state in a year: incidents + 3 × deaths + 0.5 × injuries + 2 × property damage (each incident’s damage banded: minor 1, major 2, catastrophic 3, unknown 0).',
      weighted:
        'Weighted score: the raw scores of that year and the four before, weighted 16, 8, 4, 2 and 1 and divided by 31, for the lasting effect of attacks.',
      index:
        'Index: 10 × ln(1 + weighted score) ÷ ln(1 + the highest weighted score of any state in any year), so the worst state-year is 10 and five quiet years give 0.',
      trend:
        'Trend: the change of the index since the year before and since five years before, shown when the data reach back that far.',
      regions:
        'Regions (Central Asia, the SCO members on the last day of the period, or a defined region): the counts are summed over the states, and the index is the mean of their indices.',
      access:
        'Only incidents you may read are counted: a reader who may not see an incident sees an index computed without it.',
    },
    sources: 'Sources of the method:',
    source: {
      iep: 'Institute for Economics and Peace, Global Terrorism Index reports',
      wikipedia: 'Wikipedia, “Global Terrorism Index”, Methodology',
    },
  },
  formName: {
    assassination: 'Assassination',
    'armed-assault': 'Armed assault',
    'bombing-explosion': 'Bombing/explosion',
    hijacking: 'Hijacking',
    'hostage-taking-barricade-incident': 'Hostage taking (barricade incident)',
    'hostage-taking-kidnapping': 'Hostage taking (kidnapping)',
    'facility-infrastructure-attack': 'Facility/infrastructure attack',
    'unarmed-assault': 'Unarmed assault',
    unknown: 'Unknown',
    biological: 'Biological',
    chemical: 'Chemical',
    radiological: 'Radiological',
    nuclear: 'Nuclear',
    firearms: 'Firearms',
    explosives: 'Explosives',
    'fake-weapons': 'Fake weapons',
    incendiary: 'Incendiary',
    melee: 'Melee',
    'vehicle-not-to-include-vehicle-borne-explosives-i-e-car-or-truck-bombs': 'Vehicle (not a vehicle bomb)',
    'sabotage-equipment': 'Sabotage equipment',
    other: 'Other',
    business: 'Business',
    'government-general': 'Government (general)',
    police: 'Police',
    military: 'Military',
    'abortion-related': 'Abortion related',
    'airports-aircraft': 'Airports and aircraft',
    'government-diplomatic': 'Government (diplomatic)',
    'educational-institution': 'Educational institution',
    'food-or-water-supply': 'Food or water supply',
    'journalists-media': 'Journalists and media',
    maritime: 'Maritime',
    ngo: 'NGO',
    'private-citizens-property': 'Private citizens and property',
    'religious-figures-institutions': 'Religious figures and institutions',
    telecommunication: 'Telecommunication',
    'terrorists-non-state-militia': 'Terrorists and non-state militia',
    tourists: 'Tourists',
    transportation: 'Transportation',
    utilities: 'Utilities',
    'violent-political-party': 'Violent political party',
    terrorism: 'Terrorism',
    separatism: 'Separatism',
    extremism: 'Extremism',
    'drug-trafficking': 'Drug trafficking',
    'organized-crime': 'Organized crime',
  },
} satisfies AssessmentResources;
