import type { I18n } from '../../api/types.ts';

/** The Conventions API's answers, as the pages read them (see src/assessment/conventions.schemas.ts). */

export type CellStatus = 'not-signed' | 'signed' | 'ratified' | 'in-force';

export interface InstrumentRef {
  id: string;
  title: I18n;
  date: string;
  recorded: boolean;
  inForce: boolean;
  since: string | null;
}

export interface StateRef {
  code: string;
  name: I18n;
  status: string | null;
}

export interface Abilities {
  update: boolean;
  delete: boolean;
}

export interface Note {
  id: string;
  state: string;
  instrument: string;
  text: string;
  date: string;
  organization: { id: string; name: I18n } | null;
  updatedAt: string;
  abilities: Abilities;
}

export interface Law {
  id: string;
  state: string;
  instrument: string;
  title: string;
  titleEn: string | null;
  adopted: string;
  url: string | null;
  note: string | null;
  sources: string[];
  updatedAt: string;
  abilities: Abilities;
}

export interface Facts {
  status: CellStatus;
  signed: string | null;
  ratified: { kind: string; date: string } | null;
  inForceFor: string | null;
}

export interface MatrixCell extends Facts {
  instrument: string;
  laws: number | null;
  latestNote: Note | null;
}

export interface Matrix {
  asOf: string;
  instruments: InstrumentRef[];
  rows: { state: StateRef; cells: MatrixCell[] }[];
  readsLaws: boolean;
  readsNotes: boolean;
}

export interface CellEvent {
  kind: string;
  date: string;
  notes: string | null;
  sources: string[];
  confidence: string;
}

export interface Cell extends Facts {
  asOf: string;
  instrument: InstrumentRef;
  state: StateRef;
  events: CellEvent[];
  laws: Law[] | null;
  notes: Note[] | null;
  abilities: { createLaw: boolean; createNote: boolean };
}

export interface LawInput {
  state: string;
  instrument: string;
  title: string;
  titleEn?: string;
  adopted: string;
  url?: string;
  note?: string;
}

export interface NoteInput {
  state: string;
  instrument: string;
  text: string;
  date?: string;
}
