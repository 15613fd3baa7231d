/**
 * GTD code tables, from the codebook facts in our threat-intel reference (section 4) and the
 * June 2017 codebook. A row carries its own label beside each code (`attacktype1_txt`), and the
 * normalizer keeps the row's label, so these tables name a code only when the row does not, and
 * let the generator write rows that look like the export. Places (regions, countries) are in
 * `gtd.places.ts` and re-exported here.
 */

export * from './gtd.places.ts';

/** Labels by code. */
export type CodeTable = Readonly<Record<number, string>>;

/** `attacktype1..3`: checked against the reference's code list. */
export const ATTACK_TYPES: CodeTable = {
  1: 'Assassination',
  2: 'Armed Assault',
  3: 'Bombing/Explosion',
  4: 'Hijacking',
  5: 'Hostage Taking (Barricade Incident)',
  6: 'Hostage Taking (Kidnapping)',
  7: 'Facility/Infrastructure Attack',
  8: 'Unarmed Assault',
  9: 'Unknown',
};

/** `weaptype1..4`. Codes 1 to 4 are the CBRN weapons. */
export const WEAPON_TYPES: CodeTable = {
  1: 'Biological',
  2: 'Chemical',
  3: 'Radiological',
  4: 'Nuclear',
  5: 'Firearms',
  6: 'Explosives',
  7: 'Fake Weapons',
  8: 'Incendiary',
  9: 'Melee',
  10: 'Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)',
  11: 'Sabotage Equipment',
  12: 'Other',
  13: 'Unknown',
};

/** The weapon type codes that make an incident a CBRN incident. */
export const CBRN = { biological: 1, chemical: 2, radiological: 3, nuclear: 4 } as const;

/** `targtype1..3`. */
export const TARGET_TYPES: CodeTable = {
  1: 'Business',
  2: 'Government (General)',
  3: 'Police',
  4: 'Military',
  5: 'Abortion Related',
  6: 'Airports & Aircraft',
  7: 'Government (Diplomatic)',
  8: 'Educational Institution',
  9: 'Food or Water Supply',
  10: 'Journalists & Media',
  11: 'Maritime',
  12: 'NGO',
  13: 'Other',
  14: 'Private Citizens & Property',
  15: 'Religious Figures/Institutions',
  16: 'Telecommunication',
  17: 'Terrorists/Non-State Militia',
  18: 'Tourists',
  19: 'Transportation',
  20: 'Unknown',
  21: 'Utilities',
  22: 'Violent Political Party',
};

/** `propextent`: the codebook's bands of damage. */
export const PROPERTY_EXTENTS: CodeTable = {
  1: 'Catastrophic (likely >= $1 billion)',
  2: 'Major (likely >= $1 million but < $1 billion)',
  3: 'Minor (likely < $1 million)',
  4: 'Unknown',
};

/**
 * `alternative`: why an incident with `doubtterr` = 1 may not be terrorism. Code 5 (State
 * Actors) appears only in later codebooks: the edition decides, and the row's label wins.
 */
export const ALTERNATIVES: CodeTable = {
  1: 'Insurgency/Guerilla Action',
  2: 'Other Crime Type',
  3: 'Inter/Intra-Group Conflict',
  4: 'Lack of Intentionality',
  5: 'State Actors',
};

/** `hostkidoutcome`: what became of hostages or kidnap victims. */
export const HOSTAGE_OUTCOMES: CodeTable = {
  1: 'Attempted Rescue',
  2: 'Hostage(s) released by perpetrators',
  3: 'Hostage(s) escaped (not during rescue attempt)',
  4: 'Hostage(s) killed (not during rescue attempt)',
  5: 'Successful Rescue',
  6: 'Combination',
  7: 'Unknown',
};

/** `claimmode`, `claimmode2`, `claimmode3`: how responsibility was claimed. */
export const CLAIM_MODES: CodeTable = {
  1: 'Letter',
  2: 'Call (post-incident)',
  3: 'Call (pre-incident)',
  4: 'E-mail',
  5: 'Note left at scene',
  6: 'Video',
  7: 'Posted to website, blog, etc.',
  8: 'Personal claim',
  9: 'Other',
  10: 'Unknown',
};
