import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReferenceData } from '../../src/registry/reference-data.schema.ts';

const src = ['https://example.org/source'];

/** A small, valid reference data set: two states, one body, one summit, one document, one person. */
export function smallReferenceData(): ReferenceData {
  return {
    states: [
      {
        code: 'CN',
        statuses: [
          {
            status: 'shanghai-five',
            from: '1996-04-26',
            to: '2001-06-15',
            how: 'Shanghai 1996',
            sources: src,
            confidence: 'confirmed',
          },
          {
            status: 'member',
            from: '2001-06-15',
            to: null,
            how: 'founding member',
            sources: src,
            confidence: 'confirmed',
          },
        ],
        sources: src,
        confidence: 'confirmed',
      },
      {
        code: 'MN',
        statuses: [
          {
            status: 'observer',
            from: '2004-06-17',
            to: null,
            how: 'Tashkent 2004',
            sources: src,
            confidence: 'confirmed',
          },
        ],
        sources: src,
        confidence: 'confirmed',
      },
    ],
    bodies: [
      {
        id: 'chs',
        abbreviation: 'CHS',
        name: { en: 'Council of Heads of State', ru: 'Совет глав государств', zh: '元首理事会' },
        kind: 'council',
        charterArticle: '4, 5',
        seat: null,
        since: '2001',
        role: { en: 'Supreme body' },
        sources: src,
        confidence: 'confirmed',
      },
    ],
    summits: [
      {
        id: 'chs-2001',
        series: 'sco',
        ordinal: 1,
        ordinalSourced: true,
        start: '2001-06-14',
        end: '2001-06-15',
        city: { en: 'Shanghai', ru: 'Шанхай', zh: '上海' },
        host: 'CN',
        chair: 'CN',
        format: 'in-person',
        documents: ['declaration-2001'],
        sources: src,
        confidence: 'confirmed',
      },
    ],
    documents: [
      {
        id: 'declaration-2001',
        title: { en: 'Declaration on the Establishment', ru: 'Декларация о создании', zh: '成立宣言' },
        kind: 'declaration',
        date: '2001-06-15',
        place: { en: 'Shanghai' },
        body: 'chs',
        parties: ['CN'],
        sources: src,
        confidence: 'confirmed',
      },
    ],
    people: [
      {
        id: 'zhang-deguang',
        name: { en: 'Zhang Deguang', ru: 'Чжан Дэгуан', zh: '张德广' },
        office: 'secretary-general',
        order: 1,
        country: 'CN',
        start: '2004-01',
        end: '2006-12',
        sources: src,
        confidence: 'confirmed',
      },
    ],
  };
}

/** Writes a data set as the files of a fresh folder, the way `data/` holds them. */
export function writeDataDir(data: ReferenceData | Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sco-data-'));
  for (const [name, records] of Object.entries(data)) {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(records, null, 2));
  }
  return dir;
}
