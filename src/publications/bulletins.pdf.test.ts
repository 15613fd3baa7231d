import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { addIncident } from './bulletins.fixtures.ts';
import { CHART_COLOUR, renderPdf } from './bulletins.render-pdf.ts';
import { buildBulletin, bulletinSnapshot } from './bulletins.service.ts';

/**
 * The printed bulletin as a reader sees it: each page of the PDF rendered to a picture by
 * poppler (`pdftoppm -r 50`), its header and footer bands checked for the AMBER colour and its
 * text for the marking, its chart page for the bars' colour. Set BULLETIN_PNG_DIR to keep the
 * pages as PNG to look at.
 */

interface Picture {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

/** Reads a binary PPM (P6), as pdftoppm writes it. */
function readPpm(bytes: Buffer): Picture {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at] as number))) at++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[at] as number)))
      token += String.fromCharCode(bytes[at++] as number);
    header.push(token);
  }
  at++;
  const [magic, w, h] = header;
  expect(magic).toBe('P6');
  const width = Number(w);
  const height = Number(h);
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = at + (y * width + x) * 3;
      return [bytes[i] as number, bytes[i + 1] as number, bytes[i + 2] as number];
    },
  };
}

/** How many pixels in rows [top, bottom) of the picture look like `colour` (within `tolerance`). */
function countLike(
  p: Picture,
  colour: [number, number, number],
  top: number,
  bottom: number,
  tolerance = 40,
) {
  let n = 0;
  for (let y = Math.max(0, top); y < Math.min(p.height, bottom); y++)
    for (let x = 0; x < p.width; x++) {
      const [r, g, b] = p.pixel(x, y);
      if (Math.abs(r - colour[0]) + Math.abs(g - colour[1]) + Math.abs(b - colour[2]) <= tolerance) n++;
    }
  return n;
}

const hex = (c: string): [number, number, number] => [
  Number.parseInt(c.slice(1, 3), 16),
  Number.parseInt(c.slice(3, 5), 16),
  Number.parseInt(c.slice(5, 7), 16),
];
const AMBER = hex('#FFC000');
const BARS = hex(CHART_COLOUR);

describe('a printed bulletin', () => {
  let database: TestDatabase;
  let analyst: Actor;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedIdentityBasics(database.db);
    analyst = await actorFor(
      database.db,
      (await makeUser(database.db, { roles: ['analyst'], organizationId: 'rats-executive-committee' })).id,
    );
    const cities = ['Almaty', 'Бишкек', '喀什', 'Dushanbe', 'Tashkent'];
    const states = ['KZ', 'KG', 'CN', 'TJ', 'UZ'];
    for (let i = 0; i < 45; i++)
      await addIncident(database, analyst, {
        name: `incident ${i}`,
        date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        country: states[i % 5] as string,
        city: cities[i % 5] as string,
        killed: (i * 7) % 13,
        wounded: (i * 5) % 17,
        tlp: i === 3 ? 'amber' : 'green',
        recipientOrgs: i === 3 ? ['secretariat'] : [],
      });
    dir = mkdtempSync(join(tmpdir(), 'sco-bulletin-pdf-'));
  }, 120_000);
  afterAll(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const pdfOf = async (language: 'en' | 'ru' | 'zh', title: string) => {
    const built = await buildBulletin(
      database,
      analyst,
      {
        title,
        language,
        from: '2024-01-01',
        to: '2024-12-31',
        states: [],
        regions: ['central-asia'],
        sections: ['overview', 'incidents', 'organizations'],
        note: 'Prepared for the Council of the RATS.',
        topIncidents: 45,
      },
      new Date('2025-01-15T08:00:00Z'),
    );
    const file = join(dir, `${language}.pdf`);
    writeFileSync(file, await renderPdf(await bulletinSnapshot(database.db, analyst, built.id)));
    return file;
  };
  const pages = (file: string) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const textOf = (file: string, page: number) =>
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], {
      encoding: 'utf8',
    });
  const pictureOf = (file: string, page: number) => {
    const out = join(dir, `page-${page}`);
    execFileSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    if (process.env.BULLETIN_PNG_DIR)
      execFileSync('pdftoppm', [
        '-r',
        '50',
        '-png',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        file,
        join(process.env.BULLETIN_PNG_DIR, `${file.split('/').pop()}-${page}`),
      ]);
    return readPpm(readFileSync(`${out}.ppm`));
  };

  it('carries TLP:AMBER in its header and footer band on every page, and shows its charts', async () => {
    const file = await pdfOf('en', 'Central Asia 2024');
    const count = pages(file);
    expect(count).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= count; page++) {
      const picture = pictureOf(file, page);
      // The bands are 26 pt high, 22 pt from the top and from the bottom edge: at 50 dpi, 0.69 px a point.
      const band = (pt: number) => Math.round((pt * 50) / 72);
      const header = countLike(picture, AMBER, band(22), band(48));
      const footer = countLike(picture, AMBER, picture.height - band(48), picture.height - band(22));
      expect(header, `page ${page} header`).toBeGreaterThan(15);
      expect(footer, `page ${page} footer`).toBeGreaterThan(15);
      // Nowhere else is AMBER ink: the marking is in the bands, not scattered.
      expect(countLike(picture, AMBER, band(60), picture.height - band(60)), `page ${page} body`).toBe(0);
      const text = textOf(file, page);
      expect(text.match(/TLP:AMBER/g)?.length ?? 0, `page ${page} text`).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page ${page} of ${count}`);
    }
    // The overview's charts (bars per state and per month) are on the first page.
    expect(countLike(pictureOf(file, 1), BARS, 0, 10_000, 20)).toBeGreaterThan(500);
    expect(textOf(file, 1)).toContain('Incidents per month');
  }, 60_000);

  it('prints Russian and Chinese with their own letters', async () => {
    const ru = await pdfOf('ru', 'Центральная Азия, 2024 год');
    expect(textOf(ru, 1)).toContain('Центральная Азия, 2024 год');
    expect(textOf(ru, 1)).toContain('Инциденты по месяцам');
    const zh = await pdfOf('zh', '2024年中亚公报');
    expect(textOf(zh, 1)).toContain('2024年中亚公报');
    expect(textOf(zh, 1)).toContain('每月事件数');
    expect(textOf(zh, pages(zh))).toContain('TLP:AMBER');
  }, 60_000);
});
