/**
 * Row types of the bulletins' tables, added to the database's type by module augmentation.
 * JSON columns are text; times are ISO 8601 UTC.
 */
declare module '../db/schema.ts' {
  interface DB {
    bulletins: BulletinsTable;
    bulletin_deliveries: BulletinDeliveriesTable;
  }
}

/** One built bulletin: its frozen snapshot and the marking computed from its parts. */
export interface BulletinsTable {
  id: string;
  title: string;
  language: string;
  period_from: string;
  /** Inclusive. */
  period_to: string;
  /** JSON string[]: the sections chosen. */
  sections: string;
  tlp: string;
  /** JSON string[] | null: the organizations every AMBER part allows (null when no part is AMBER). */
  marking_orgs: string | null;
  /** JSON string[] | null: the users every RED part names (null when no part is RED). */
  marking_users: string | null;
  /** JSON Snapshot: the content as its author could read it when it was built. */
  snapshot: string;
  author_user: string | null;
  author_org: string;
  created_at: string;
  /** 'restricted', or 'public' once a TLP:CLEAR bulletin is published. */
  visibility: string;
  published_at: string | null;
}

/** One delivery of a bulletin to an organization or a user. */
export interface BulletinDeliveriesTable {
  id: string;
  bulletin_id: string;
  recipient_kind: 'org' | 'user';
  recipient_id: string;
  delivered_at: string;
  /** The sender, as the audit log names actors. */
  delivered_by: string;
}
