/**
 * English strings of the Conventions pages (namespace `conventions`); `i18n.ru.ts` and `i18n.zh.ts`
 * have the same keys (see `i18n.test.ts`). Registered by `i18n.ts`.
 */

/** A tree of strings; plural forms differ between languages, so only the shape is shared. */
export type ConventionsResources = { [key: string]: string | ConventionsResources };

export const en = {
  matrix: {
    title: 'Conventions',
    lead: 'Signature, ratification and entry into force of the four counter-terrorism instruments, per member state, with national implementing laws and notes on harmonization.',
    caption: 'Member states by instrument on {{date}}',
    state: 'State',
    at: 'On the date',
    atHelp: 'The members on this date are shown, and what had happened by then.',
    unrecorded: 'No signature or instrument of this document is recorded yet.',
    legend: 'Each cell gives the status in words and its date; open a cell for its sources, laws and notes.',
    laws_one: '{{count}} law',
    laws_other: '{{count}} laws',
    note: 'Latest note: {{date}}',
    signIn: 'Sign in to see national implementing laws and notes on harmonization.',
    open: 'details for {{state}} under the {{instrument}}',
  },
  instrument: {
    'shanghai-convention-2001': 'Shanghai Convention (2001)',
    'rats-agreement-2002': 'Agreement on the RATS (2002)',
    'convention-against-terrorism-2009': 'Convention against Terrorism (2009)',
    'convention-countering-extremism-2017': 'Convention on Countering Extremism (2017)',
  },
  status: {
    'not-signed': 'Not signed',
    signed: 'Signed',
    ratified: 'Ratified',
    'in-force': 'In force',
    unrecorded: 'No record',
  },
  kind: {
    signature: 'Signature',
    ratification: 'Ratification',
    acceptance: 'Acceptance',
    approval: 'Approval',
    accession: 'Accession',
    'entry-into-force': 'Entry into force',
  },
  cell: {
    crumb: 'Conventions',
    life: 'Life of the document for this state',
    noEvents: 'Nothing recorded for this state by this date.',
    sources: 'Sources',
    confidence: 'Confidence: {{value}}',
    inForceLater: 'In force for this state from {{date}}.',
    laws: 'National implementing laws',
    noLaws: 'No law recorded.',
    notes: 'Notes on harmonization',
    noNotes: 'No note written.',
    by: '{{organization}}, {{date}}',
    remove: 'Remove',
    removeLaw: 'Remove the law “{{title}}”',
    removeNote: 'Remove the note of {{date}}',
    adopted: 'Adopted {{date}}',
    link: 'Text of the law',
  },
  lawForm: {
    title: 'Add a law',
    name: 'Title in the original language',
    nameEn: 'Title in English (optional)',
    adopted: 'Adopted on',
    url: 'Link (optional)',
    note: 'Note (optional)',
    submit: 'Add the law',
    required: 'Required',
  },
  noteForm: {
    title: 'Write a note',
    text: 'Note on harmonization',
    date: 'Date of the note',
    submit: 'Add the note',
    required: 'Required',
  },
  confidenceValue: {
    confirmed: 'confirmed',
    partial: 'partial',
    inferred: 'inferred',
    unconfirmed: 'unconfirmed',
  },
  error: {
    refused: 'Not saved: {{message}}',
  },
} satisfies ConventionsResources;
