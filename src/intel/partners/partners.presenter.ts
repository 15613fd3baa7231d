import { type Actor, abilities } from '../../identity/policy.rules.ts';
import type * as repo from './partners.repository.ts';
import type { AuthKind, Direction, PartnerKind, PartnerStatus, PullTlp } from './partners.rules.ts';
import type {
  PartnerAgreementsTable,
  PartnerContactsTable,
  PartnerEndpointsTable,
} from './partners.schema.ts';

/**
 * Rows to API shapes. An endpoint's secret never leaves: an answer says only whether one is
 * held (`hasSecret`).
 */

type I18n = { en: string; ru?: string; zh?: string };
type EntryRow = NonNullable<Awaited<ReturnType<typeof repo.partnerById>>>;

export function presentEndpoint(row: PartnerEndpointsTable) {
  return {
    id: row.id,
    apiRoot: row.api_root_url,
    collectionId: row.collection_id,
    direction: row.direction as Direction,
    auth: row.auth as AuthKind,
    username: row.username,
    hasSecret: row.secret_sealed !== null,
    tlp: row.tlp as PullTlp,
    pullEveryMinutes: row.pull_every_minutes,
    cursor: row.cursor,
    lastPullAt: row.last_pull_at,
    lastPullStatus: row.last_pull_status as 'ok' | 'failed' | null,
    lastPullMessage: row.last_pull_message,
    lastPullCount: row.last_pull_count === null ? null : Number(row.last_pull_count),
    createdAt: row.created_at,
  };
}

export function presentAgreement(row: PartnerAgreementsTable) {
  return {
    id: row.id,
    title: row.title,
    signedOn: row.signed_on,
    scope: row.scope,
    validUntil: row.valid_until,
    documentUrl: row.document_url,
  };
}

export function presentContact(row: PartnerContactsTable) {
  return { id: row.id, office: row.office, email: row.email, phone: row.phone };
}

/** The fields every view of an entry has, and what the actor may do with it. */
export function presentEntry(row: EntryRow, actor: Actor) {
  return {
    id: row.organization_id,
    name: JSON.parse(row.name) as I18n,
    kind: row.kind as PartnerKind,
    seat: row.seat,
    website: row.website,
    description: JSON.parse(row.description) as I18n,
    status: row.status as PartnerStatus,
    createdAt: row.created_at,
    abilities: abilities(actor, 'partner', { organizationId: row.organization_id }),
  };
}
