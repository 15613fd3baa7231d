import { type Actor, authorize } from '../identity/policy.rules.ts';
import type { I18n } from '../registry/reference-data.schema.ts';
import type { LawRow, NoteRow } from './conventions.repository.ts';
import type { LawView, NoteView } from './conventions.schemas.ts';

/** Rows of the Conventions' implementation to API shapes, with what the actor may do with each. */

export function presentLaw(row: LawRow, actor: Actor): LawView {
  const object = { state: row.state_code };
  return {
    id: row.id,
    state: row.state_code,
    instrument: row.instrument_id,
    title: row.title,
    titleEn: row.title_en,
    adopted: row.adopted,
    url: row.url,
    note: row.note,
    sources: JSON.parse(row.sources) as string[],
    updatedAt: row.updated_at,
    abilities: {
      update: authorize(actor, 'update', 'implementing-law', object),
      delete: authorize(actor, 'delete', 'implementing-law', object),
    },
  };
}

export function presentNote(row: NoteRow, actor: Actor): NoteView {
  const object = { state: row.state_code };
  return {
    id: row.id,
    state: row.state_code,
    instrument: row.instrument_id,
    text: row.text,
    date: row.date,
    organization:
      row.organization_id && row.organization_name
        ? { id: row.organization_id, name: JSON.parse(row.organization_name) as I18n }
        : null,
    updatedAt: row.updated_at,
    abilities: {
      update: authorize(actor, 'update', 'harmonization-note', object),
      delete: authorize(actor, 'delete', 'harmonization-note', object),
    },
  };
}
