import type { BuildInput } from './types.ts';

/** The builder form as typed, before it is a request. */
export interface BuilderForm {
  title: string;
  language: BuildInput['language'];
  from: string;
  to: string;
  states: string;
  regions: string[];
  sections: string[];
  note: string;
  topIncidents: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The codes typed in the states field: upper case, once each, empty pieces dropped. */
export const stateCodes = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  ),
];

/** The request a complete form makes, or null while it is not complete (no preview yet). */
export function requestOf(form: BuilderForm): BuildInput | null {
  const states = stateCodes(form.states);
  if (!form.title.trim() || !DAY.test(form.from) || !DAY.test(form.to) || form.to < form.from) return null;
  if (states.length + form.regions.length === 0 || form.sections.length === 0) return null;
  if (states.some((s) => !/^[A-Z]{2}$/.test(s))) return null;
  return {
    title: form.title.trim(),
    language: form.language,
    from: form.from,
    to: form.to,
    states,
    regions: form.regions,
    sections: form.sections,
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
    topIncidents: form.topIncidents,
  };
}
