import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  rgba,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * The portal's one visual system: a calm SCO blue with teal accents, system fonts that cover
 * Latin, Cyrillic and Chinese, and a few semantic CSS variables (kinds of events, statuses)
 * that the timeline, badges and legends share.
 */

const sco: MantineColorsTuple = [
  '#e9f1fa',
  '#d0e1f3',
  '#a4c5e7',
  '#76a7da',
  '#4f8ecf',
  '#367ec8',
  '#2470bd',
  '#1a5fa3',
  '#134e88',
  '#0b3a68',
];

/** A deep amber: orange hues dark enough for text on white (Mantine's orange is too light). */
const ochre: MantineColorsTuple = [
  '#fff4e6',
  '#ffe3c2',
  '#ffc98a',
  '#ffab4f',
  '#f98f22',
  '#e57a0a',
  '#c96400',
  '#b05300',
  '#954400',
  '#7a3700',
];

/** A deep green for documents and observers: teal dark enough for small text on a tint. */
const pine: MantineColorsTuple = [
  '#e6f7f1',
  '#c3ebdd',
  '#8fd8bf',
  '#58c29e',
  '#2eaf83',
  '#179f72',
  '#0b8a61',
  '#077552',
  '#066147',
  '#044d38',
];

/**
 * "light" badges and alerts with an explicit shade (e.g. `pine.8`) get a faint tint of that
 * shade behind text in the shade itself, which keeps small text above 4.5:1 contrast.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (input.variant === 'light' && parsed.isThemeColor && parsed.shade !== undefined) {
    const value = input.theme.colors[parsed.color]?.[parsed.shade];
    if (value) return { ...defaults, background: rgba(value, 0.08), hover: rgba(value, 0.14), color: value };
  }
  return defaults;
};

const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'sco',
  primaryShade: { light: 7, dark: 4 },
  colors: { sco, ochre, pine },
  variantColorResolver,
  fontFamily: FONT_STACK,
  headings: {
    fontFamily: FONT_STACK,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '2rem', lineHeight: '1.2' },
      h2: { fontSize: '1.4rem', lineHeight: '1.3' },
      h3: { fontSize: '1.1rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  autoContrast: true,
  components: {
    Container: { defaultProps: { size: 'xl' } },
    Anchor: { defaultProps: { underline: 'hover' } },
    Badge: { defaultProps: { radius: 'sm' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
  },
});

/** Semantic variables used by the CSS modules (kinds of chronology events, statuses). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {
    '--kind-summit': 'var(--mantine-color-sco-7)',
    '--kind-document': 'var(--mantine-color-pine-8)',
    '--kind-status': 'var(--mantine-color-ochre-8)',
    '--kind-appointment': 'var(--mantine-color-grape-8)',
    '--status-shanghai-five': 'var(--mantine-color-indigo-8)',
    '--status-member': 'var(--mantine-color-sco-7)',
    '--status-observer': 'var(--mantine-color-pine-8)',
    '--status-dialogue-partner': 'var(--mantine-color-ochre-8)',
    '--status-partner': 'var(--mantine-color-cyan-9)',
    '--status-suspended': 'var(--mantine-color-red-9)',
    '--surface-band': 'var(--mantine-color-sco-9)',
    '--surface-muted': '#f5f8fb',
    '--border-subtle': 'var(--mantine-color-gray-3)',
  },
  // Mantine's dimmed text (input descriptions, menu labels) and error messages in shades dark
  // enough for 4.5:1 on white.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/** Mantine color (with shade) for each kind of chronology event, matching the CSS variables. */
export const KIND_COLOR = {
  summit: 'sco.7',
  document: 'pine.8',
  status: 'ochre.8',
  appointment: 'grape.8',
} as const;

/** Mantine color (with shade) for each status, matching the CSS variables. */
export const STATUS_COLOR = {
  'shanghai-five': 'indigo.8',
  member: 'sco.7',
  observer: 'pine.8',
  'dialogue-partner': 'ochre.8',
  partner: 'cyan.9',
  suspended: 'red.9',
} as const;

/** Mantine color for each confidence level. */
export const CONFIDENCE_COLOR = {
  confirmed: 'pine.8',
  partial: 'ochre.8',
  inferred: 'indigo.8',
  unconfirmed: 'red.9',
} as const;

/** Mantine color (with shade) for each role of a user. */
export const ROLE_COLOR = {
  delegate: 'sco.7',
  'head-of-delegation': 'indigo.8',
  'secretariat-officer': 'pine.8',
  analyst: 'grape.8',
  admin: 'ochre.8',
} as const;
