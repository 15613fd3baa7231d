import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ChronologyEventsTable, DB, DocumentsTable, SearchEntriesTable } from '../db/schema.ts';

/** A document the Council adopted, with everything the registry keeps of it. */
export interface AdoptedDocument {
  document: Insertable<DocumentsTable>;
  parties: string[];
  texts: string;
  reservations: string;
  event: Insertable<ChronologyEventsTable>;
  search: Insertable<SearchEntriesTable>;
}

/**
 * Writes an adopted document into the registry: the document, its parties, its exact text and
 * reservations, its place in the chronology and in search. Runs inside the caller's transaction.
 */
export async function insertAdoptedDocument(trx: Transaction<DB>, adopted: AdoptedDocument): Promise<void> {
  const id = adopted.document.id;
  await trx.insertInto('documents').values(adopted.document).execute();
  if (adopted.parties.length > 0) {
    await trx
      .insertInto('document_parties')
      .values(adopted.parties.map((state_code) => ({ document_id: id, state_code })))
      .execute();
  }
  await trx
    .insertInto('document_texts')
    .values({ document_id: id, texts: adopted.texts, reservations: adopted.reservations })
    .execute();
  await trx.insertInto('chronology_events').values(adopted.event).execute();
  if (adopted.parties.length > 0) {
    await trx
      .insertInto('chronology_event_states')
      .values(adopted.parties.map((state_code) => ({ event_id: adopted.event.id, state_code })))
      .execute();
  }
  await trx.insertInto('search_entries').values(adopted.search).execute();
}

export async function documentText(db: Kysely<DB> | Transaction<DB>, id: string) {
  return db.selectFrom('document_texts').selectAll().where('document_id', '=', id).executeTakeFirst();
}
