/**
 * Row types of the partner registry's tables, added to the database's type by module
 * augmentation. Dates are ISO 8601 text; `description` is JSON {en, ru, zh}.
 */
declare module '../../db/schema.ts' {
  interface DB {
    partners: PartnersTable;
    partner_agreements: PartnerAgreementsTable;
    partner_contacts: PartnerContactsTable;
    partner_endpoints: PartnerEndpointsTable;
  }
}

/** A partner center's entry; its name is its organization's. */
export interface PartnersTable {
  organization_id: string;
  kind: string;
  /** The country or seat, as text. */
  seat: string | null;
  website: string | null;
  description: string;
  status: string;
  created_at: string;
}

export interface PartnerAgreementsTable {
  id: string;
  organization_id: string;
  title: string;
  /** YYYY-MM-DD. */
  signed_on: string;
  scope: string;
  valid_until: string | null;
  document_url: string | null;
}

/** A functional contact (a desk or an office), never a private person's dossier. */
export interface PartnerContactsTable {
  id: string;
  organization_id: string;
  office: string;
  email: string | null;
  phone: string | null;
}

/** Where the TAXII client pulls from or pushes to, and how its last pull went. */
export interface PartnerEndpointsTable {
  id: string;
  organization_id: string;
  api_root_url: string;
  collection_id: string;
  direction: string;
  auth: string;
  username: string | null;
  /** The password or token, sealed with AES-256-GCM (see partners.secrets.ts); never sent out. */
  secret_sealed: string | null;
  /** The TLP level given to what is pulled. */
  tlp: string;
  pull_every_minutes: number | null;
  /** The last `X-TAXII-Date-Added-Last` pulled. */
  cursor: string | null;
  last_pull_at: string | null;
  last_pull_status: string | null;
  last_pull_message: string | null;
  last_pull_count: number | null;
  created_at: string;
}
