/** A GTD code with its label, as the row gives it (or the codebook, when the row has none). */
export interface Coded {
  code: number;
  name: string;
}

/** What a row of the export becomes: codes resolved, unknowns as null, nothing lost. */
export interface GtdIncident {
  /** Twelve digits: YYYYMMDD (00 for an unknown month or day) and a four-digit sequence. */
  eventId: string;
  /** `imonth`/`iday` 0 mean unknown, which lowers the precision instead of inventing a day. */
  date: { year: number; month: number | null; day: number | null; precision: 'day' | 'month' | 'year' };
  approxDate: string | null;
  extended: boolean | null;
  resolution: string | null;
  /** GTD's country; `iso2` is the state holding the territory today, null for the Soviet Union and the like. */
  country: Coded & { iso2: string | null };
  /** GTD's region; `m49`/`stix` from the country's UN sub-region where known, else the GTD region's UN area. */
  region: Coded & { m49: string | null; stix: string | null };
  provstate: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  /** 1 (exact place) to 5 (only the country known). */
  specificity: number | null;
  summary: string | null;
  criteria: {
    crit1: boolean | null;
    crit2: boolean | null;
    crit3: boolean | null;
    doubtterr: boolean | null;
    alternative: Coded | null;
  };
  multiple: boolean | null;
  success: boolean | null;
  suicide: boolean | null;
  attackTypes: Coded[];
  targetTypes: (Coded & { subtype: Coded | null; target: string | null; nationality: Coded | null })[];
  weaponTypes: (Coded & { subtype: Coded | null })[];
  weaponDetail: string | null;
  /** `gname`..`gname3`, without the 'Unknown' GTD writes when no group is known. */
  perpetrators: { name: string; subname: string | null; uncertain: boolean | null }[];
  claimed: boolean | null;
  motive: string | null;
  killed: number | null;
  killedUs: number | null;
  killedPerpetrators: number | null;
  wounded: number | null;
  woundedUs: number | null;
  woundedPerpetrators: number | null;
  property: boolean | null;
  propertyExtent: Coded | null;
  propertyValue: number | null;
  hostages: { taken: boolean | null; count: number | null; outcome: Coded | null };
  /** From any of `weaptype1..4` being 1–4. */
  cbrn: { chemical: boolean; biological: boolean; radiological: boolean; nuclear: boolean };
  /** `scite1..3` that are not empty. */
  sources: string[];
  dbsource: string | null;
  /**
   * Every non-empty column not mapped above, raw text, so that nothing in a row is lost: the
   * unmapped columns, the parts of a target or weapon group whose code is missing, and the raw
   * text of any value that could not be read (listed in the row's faults).
   */
  extra: Record<string, string>;
}

/** Why a value of a row could not be read, named by column. */
export interface GtdFault {
  column: string;
  problem: string;
}
