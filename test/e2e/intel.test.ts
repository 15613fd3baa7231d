import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDecision, openDecision, statePosition } from '../../src/council/decisions.service.ts';
import { createToken } from '../../src/identity/auth.service.ts';
import { delegationId } from '../../src/identity/organizations.service.ts';
import { createAssessment, definitionSets } from '../../src/intel/assessments.service.ts';
import { gtdChunks } from '../../src/intel/gtd/gtd.generate.ts';
import { actorFor, makeUser } from '../helpers/identity-factory.ts';
import { DATA_DIR } from '../helpers/server.ts';
import {
  type BrowserSession,
  LAPTOP,
  PHONE,
  seriousViolations,
  sidewaysOverflow,
  startBrowserSession,
} from './browser.ts';

/**
 * The information center's pages in a real browser. An analyst of the RATS Executive Committee
 * records, through the API, a GREEN and an AMBER threat actor and three GREEN incidents of the
 * GREEN one, two analysts assess it differently and an adopted Council decision lists it. The
 * analyst sees both organizations; a delegate of Kazakhstan sees the GREEN one only,
 * and the AMBER one's page is not found. The organization page draws the incidents per year and
 * lists the incidents, the incidents page maps them, the analyst records an assessment, creates a
 * report (a refused reference shown on its field, a marking raised by the server) and imports a
 * STIX bundle and a GTD export. Axe and sideways overflow are checked at 1280 and 390 px; screenshots go to
 * /tmp/sco-intel-*.png.
 */

type User = { username: string; password: string };

const INCIDENT_EXTENSION = 'extension-definition--5f3c2a8e-6b1d-4e5a-9c7f-2d8b4a6e1f03';

let session: BrowserSession;
let analyst: User & { id: string };
let delegate: User;
let token: string;
let green: string;
let amber: string;

/** Saves an object as the analyst, through the API (Bearer token). */
async function save(object: Record<string, unknown>, tlp: string): Promise<string> {
  const response = await fetch(session.url('/api/intel/objects'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ object, tlp }),
  });
  const body = (await response.json()) as { object: { id: string } };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.object.id;
}

const incident = (name: string, details: Record<string, unknown>) => ({
  type: 'incident',
  name,
  description: `${name}, as reported.`,
  extensions: {
    [INCIDENT_EXTENSION]: {
      extension_type: 'property-extension',
      region: 'central-asia',
      attack_types: ['Bombing/Explosion'],
      perpetrator_names: ['East Wind Front'],
      perpetrator_refs: [green],
      ...details,
    },
  },
});

beforeAll(async () => {
  session = await startBrowserSession();
  const db = session.server.database.db;
  analyst = await makeUser(db, {
    roles: ['analyst'],
    organizationId: 'rats-executive-committee',
    username: 'rats.analyst',
  });
  delegate = await makeUser(db, {
    roles: ['delegate'],
    organizationId: delegationId('KZ'),
    username: 'kz.delegate',
  });
  ({ token } = await createToken(
    db,
    await actorFor(db, analyst.id),
    { name: 'intel seed', roles: ['analyst'], expiresInDays: 1 },
    new Date(),
  ));
  green = await save(
    {
      type: 'threat-actor',
      name: 'East Wind Front',
      aliases: ['EWF', 'Eastern Wind'],
      description: 'A cell active in the Ferghana valley since 2016.',
      first_seen: '2016-03-01T00:00:00.000Z',
    },
    'TLP:GREEN',
  );
  amber = await save(
    {
      type: 'threat-actor',
      name: 'Night Owl Cell',
      description: 'Known to the RATS Executive Committee only.',
    },
    'TLP:AMBER',
  );
  await save(
    incident('Bishkek market bombing', {
      date_start: '2019-05-01',
      country: 'Kyrgyzstan',
      country_code: 'KG',
      city: 'Bishkek',
      latitude: 42.87,
      longitude: 74.59,
      killed: 2,
      wounded: 5,
    }),
    'TLP:GREEN',
  );
  await save(
    incident('Osh bus station attack', {
      date_start: '2019-09-14',
      country: 'Kyrgyzstan',
      country_code: 'KG',
      city: 'Osh',
      latitude: 40.51,
      longitude: 72.8,
      killed: 0,
      wounded: 3,
    }),
    'TLP:GREEN',
  );
  await save(
    incident('Almaty rail yard explosion', {
      date_start: '2021-02-20',
      country: 'Kazakhstan',
      country_code: 'KZ',
      city: 'Almaty',
      latitude: 43.24,
      longitude: 76.89,
      killed: 7,
      wounded: 12,
    }),
    'TLP:GREEN',
  );
  await listGreen();
}, 120_000);

/**
 * Two analysts assess the GREEN organization differently (terrorism; not enough known), and an
 * adopted Council decision citing the first puts it on the common list, with Kazakhstan's reservation.
 */
async function listGreen() {
  const db = session.server.database.db;
  const sets = definitionSets(DATA_DIR);
  const cite = [{ kind: 'source' as const, ref: 'report:2026/11' }];
  const finding = (element: string, value: 'holds' | 'does-not-hold') => ({
    element,
    value,
    evidence: cite,
    derived: null,
  });
  const terrorism = await createAssessment(
    db,
    await actorFor(db, analyst.id),
    sets,
    {
      subjectId: green,
      set: 'sco-2001',
      findings: ['terrorism.conduct', 'terrorism.purpose', 'terrorism.prosecution'].map((e) =>
        finding(e, 'holds'),
      ),
    },
    new Date(),
  );
  const second = await makeUser(db, {
    roles: ['analyst'],
    organizationId: 'rats-executive-committee',
    username: 'rats.second',
  });
  await createAssessment(
    db,
    await actorFor(db, second.id),
    sets,
    {
      subjectId: green,
      set: 'sco-2001',
      findings: [finding('terrorism.conduct', 'holds'), finding('terrorism.purpose', 'does-not-hold')],
    },
    new Date(),
  );
  const officer = await actorFor(
    db,
    (await makeUser(db, { roles: ['secretariat-officer'], organizationId: 'secretariat' })).id,
  );
  const decision = await openDecision(
    db,
    officer,
    {
      bodyId: 'rats',
      title: { en: 'List the East Wind Front' },
      rule: 'consensus',
      listing: { objectId: green, assessmentId: terrorism.id, action: 'add' },
    },
    new Date(),
  );
  const kzHead = await actorFor(
    db,
    (await makeUser(db, { roles: ['head-of-delegation'], organizationId: delegationId('KZ') })).id,
  );
  await statePosition(
    db,
    kzHead,
    decision.id,
    { position: 'reservation', text: 'Subject to national law' },
    new Date(),
  );
  await closeDecision(db, officer, decision.id, 'Consensus', new Date());
}

afterAll(async () => {
  await session?.close();
});

/** A browser of its own for one user, signed in through the sign-in page. */
async function signedIn(user: User, viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  return session.signIn(user, { viewport });
}

const open = (page: Page, path: string) => session.open(page, path);

/** Axe finds nothing serious, the page does not scroll sideways, and a screenshot is kept. */
async function checkPage(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await sidewaysOverflow(page), `${name}: sideways overflow`).toBeLessThanOrEqual(0);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `/tmp/sco-intel-${name}-${width}.png`, fullPage: true });
}

describe('the information center', () => {
  it('shows the analyst both organizations and the overview', async () => {
    const { context, page } = await signedIn(analyst);
    try {
      await open(page, '/intel');
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Information center' })
        .waitFor();
      await page.getByRole('link', { name: 'Import', exact: true }).waitFor();
      await checkPage(page, 'home');

      // Full-text search with a type chip.
      await page.getByRole('textbox', { name: 'Words' }).fill('owl');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^1 object$/ })
        .waitFor();
      await page.getByRole('link', { name: 'Night Owl Cell' }).waitFor();

      await open(page, '/intel/organizations');
      const table = page.getByRole('table');
      await table.getByRole('link', { name: 'East Wind Front' }).waitFor();
      await table.getByRole('link', { name: 'Night Owl Cell' }).waitFor();
      await expect(table.getByText('TLP:AMBER').count()).resolves.toBe(1);
      await expect(table.getByText('TLP:GREEN').count()).resolves.toBe(1);
      await checkPage(page, 'organizations');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows another organization’s delegate the GREEN organization only; the AMBER page is not found', async () => {
    const { context, page } = await signedIn(delegate);
    try {
      await open(page, '/intel/organizations');
      await page.getByRole('table').getByRole('link', { name: 'East Wind Front' }).waitFor();
      await expect(page.getByText('Night Owl Cell').count()).resolves.toBe(0);

      await open(page, `/intel/organizations/${amber}`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      await expect(page.getByText('Night Owl Cell').count()).resolves.toBe(0);

      // Delegates contribute but do not import or assess.
      await open(page, `/intel/organizations/${green}`);
      await expect(page.getByRole('heading', { name: 'Record your assessment' }).count()).resolves.toBe(0);
      await checkPage(page, 'organization-delegate');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('draws the organization’s incidents per year, lists them, and records an assessment', async () => {
    const { context, page } = await signedIn(analyst);
    try {
      await open(page, `/intel/organizations/${green}`);
      await page.getByRole('heading', { level: 1, name: 'East Wind Front' }).waitFor();
      await page.getByText('EWF, Eastern Wind').waitFor();
      const chart = page.getByRole('img', { name: /Incidents per year/ });
      await chart.waitFor();
      // 2019, 2020 (none) and 2021.
      await expect(chart.locator('rect').count()).resolves.toBe(3);
      await expect(chart.getAttribute('aria-labelledby')).resolves.toBeTruthy();
      const incidents = page.getByRole('region', { name: 'Its incidents' });
      for (const name of ['Bishkek market bombing', 'Osh bus station attack', 'Almaty rail yard explosion']) {
        await incidents.getByRole('link', { name }).waitFor();
      }
      const listing = page.getByRole('region', { name: 'Common list' });
      await listing.getByText('On the common list').waitFor();
      await listing.getByRole('link', { name: 'List the East Wind Front' }).waitFor();
      await listing.getByText('Subject to national law').waitFor();
      await listing.getByText('Kazakhstan').waitFor();
      const assessments = page.getByRole('region', { name: 'Assessments' });
      await assessments.getByRole('heading', { name: 'Assessment by rats.analyst' }).waitFor();
      await assessments.getByRole('heading', { name: 'Assessment by rats.second' }).waitFor();
      await assessments.getByRole('region', { name: /^The analysts differ/ }).waitFor();
      await checkPage(page, 'organization');

      // The assessment form: a finding that holds needs evidence; then the computed result.
      const form = page.getByRole('form', { name: 'Record your assessment' });
      await form
        .getByRole('radiogroup', { name: 'Violent conduct' })
        .getByRole('radio', { name: 'Holds' })
        .check();
      await form.getByRole('button', { name: 'Record the assessment' }).click();
      await form.getByText('1 finding needs evidence.').waitFor();
      expect(await seriousViolations(page), 'the assessment form with an error').toEqual([]);
      await form.getByRole('textbox', { name: 'Reference for Violent conduct' }).fill(`gtd:201905010001`);
      await form.getByRole('button', { name: 'Record the assessment' }).click();
      await form.getByRole('status').getByText('Recorded. The computed result:').waitFor();
      await form.getByRole('status').getByText('Insufficient information').first().waitFor();
      await expect(
        assessments.getByRole('heading', { name: 'Assessment by rats.analyst' }).count(),
      ).resolves.toBe(2);
      await page.screenshot({ path: '/tmp/sco-intel-assessment-1280.png', fullPage: true });

      // The common list: the organization, its decision (a link to the Council), the reservation.
      await open(page, '/intel/list');
      const listed = page.getByRole('region', { name: '1 organization listed' });
      await listed.getByRole('link', { name: 'East Wind Front', exact: true }).waitFor();
      await expect(
        listed.getByRole('link', { name: 'List the East Wind Front' }).getAttribute('href'),
      ).resolves.toMatch(/^\/council\/decisions\//);
      await listed.getByText('Subject to national law').waitFor();
      await checkPage(page, 'list');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('maps the incidents, points sized by casualties, with the table as the equivalent', async () => {
    const { context, page } = await signedIn(analyst);
    try {
      await open(page, '/intel/incidents');
      const map = page.getByRole('img', { name: /Map of the incidents/ });
      await map.waitFor();
      await expect(map.locator('circle').count()).resolves.toBe(3);
      await expect(map.locator('path').count()).resolves.toBeGreaterThan(100);
      const radius = async (id: string) =>
        Number(await map.locator(`circle[data-incident="${id}"]`).getAttribute('r'));
      const rows = page.getByRole('region', { name: 'Incidents of this page' }).getByRole('row');
      await expect(rows.count()).resolves.toBe(4);
      const ids = await map
        .locator('circle')
        .evaluateAll((circles) =>
          circles.map((c) => ({ id: c.getAttribute('data-incident') ?? '', title: c.textContent ?? '' })),
        );
      const almaty = ids.find((c) => c.title.startsWith('Almaty'))?.id ?? '';
      const osh = ids.find((c) => c.title.startsWith('Osh'))?.id ?? '';
      expect(await radius(almaty)).toBeGreaterThan(await radius(osh));
      await checkPage(page, 'incidents');

      // The country filter.
      await page.getByRole('combobox', { name: 'Countries' }).fill('Kazakh');
      await page.getByRole('option', { name: 'Kazakhstan' }).click();
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^1 incident$/ })
        .waitFor();
      await expect(map.locator('circle').count()).resolves.toBe(1);

      await page.getByRole('link', { name: 'Almaty rail yard explosion' }).click();
      await page.getByRole('heading', { level: 1, name: 'Almaty rail yard explosion' }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.getByRole('link', { name: 'East Wind Front' }).waitFor();
      await checkPage(page, 'incident');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('creates a report: a refused reference is shown on its field, a stricter reference raises the marking', async () => {
    const { context, page } = await signedIn(analyst);
    try {
      await open(page, '/intel/new?type=report');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByText('Correct the fields marked above.').waitFor();
      await page.getByRole('textbox', { name: 'Name' }).fill('Ferghana valley review');
      await page.getByLabel('Published').fill('2024-03-01');
      const refs = page.locator('input').and(page.getByLabel(/^Objects it is about/));
      await refs.fill('not-an-id');
      await refs.press('Enter');
      await page.getByRole('radio', { name: /TLP:GREEN/ }).check();
      await page.getByRole('button', { name: 'Create' }).click();
      // The server names `object.object_refs[0]`: the message sits on that field.
      await page.getByText('must be a STIX identifier, type--UUID').waitFor();
      await expect(refs.getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await seriousViolations(page), 'the form with a refused field').toEqual([]);
      await page.screenshot({ path: '/tmp/sco-intel-new-refused-1280.png', fullPage: true });

      await refs.press('Backspace');
      for (const id of [green, amber]) {
        await refs.fill(id);
        await refs.press('Enter');
      }
      await page.getByRole('button', { name: 'Create' }).click();
      await page
        .getByText('Stored as TLP:AMBER, not TLP:GREEN: an object it refers to is marked more strictly.')
        .waitFor();
      await checkPage(page, 'new');

      await page.getByRole('link', { name: 'Open its page' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ferghana valley review' }).waitFor();
      await page.waitForLoadState('networkidle');
      const about = page.getByRole('region', { name: 'The 2 objects it is about' });
      await about.getByRole('link', { name: 'East Wind Front' }).waitFor();
      await about.getByRole('link', { name: 'Night Owl Cell' }).waitFor();
      await page.getByRole('form', { name: 'Change who may read it' }).waitFor();
      await checkPage(page, 'report');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('uploads a STIX bundle with progress and shows the report with its rejections', async () => {
    const { context, page } = await signedIn(analyst);
    try {
      await open(page, '/intel/import');
      const bundle = {
        type: 'bundle',
        id: 'bundle--6f1c2a8e-1b1d-4e5a-9c7f-2d8b4a6e1f10',
        objects: [
          {
            type: 'intrusion-set',
            spec_version: '2.1',
            id: 'intrusion-set--3a2b1c0d-1111-4222-8333-944455556666',
            created: '2022-01-01T00:00:00.000Z',
            modified: '2022-01-01T00:00:00.000Z',
            name: 'Steppe Lynx',
          },
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: 'threat-actor--4b3c2d1e-1111-4222-8333-944455556666',
            created: '2022-01-01T00:00:00.000Z',
            modified: '2022-01-01T00:00:00.000Z',
          },
        ],
      };
      await page.locator('input[type="file"]').setInputFiles({
        name: 'bundle.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bundle)),
      });
      await page.getByRole('checkbox', { name: 'Land the valid records even if some are rejected' }).check();
      await page.getByRole('button', { name: 'Upload' }).click();
      const report = page.getByRole('region', { name: 'Import report' });
      await report.getByText('1 record was rejected; the others landed.').waitFor();
      await expect(report.getByRole('progressbar').count()).resolves.toBe(0);
      await page.getByRole('progressbar').waitFor();
      const counts = await report.locator('dl > div').allInnerTexts();
      expect(counts.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
        'Read 2',
        'New 1',
        'New versions 0',
        'Unchanged 0',
        'Rejected 1',
      ]);
      const rejection = report.getByRole('row').filter({ hasText: 'objects[1]' });
      await rejection.getByText('name', { exact: true }).waitFor();
      await rejection.getByText('is required').waitFor();
      await checkPage(page, 'import');

      // A GTD export: five generated rows, the second spoilt (its year is not a number), partial.
      await page.getByText('GTD export (CSV)').click();
      await page.getByText('Rows of the Global Terrorism Database').waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: 'gtd.csv',
        mimeType: 'text/csv',
        buffer: Buffer.concat([...gtdChunks({ rows: 5, seed: 7, badRows: [2] })]),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await report.getByText('1 record was rejected; the others landed.').waitFor();
      const gtdCounts = await report.locator('dl > div').allInnerTexts();
      expect(gtdCounts.map((c) => c.replace(/\s+/g, ' ').trim())).toContain('Rejected 1');
      await report.getByRole('row').filter({ hasText: 'iyear' }).waitFor();
      await checkPage(page, 'import-gtd');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('fits every page on a phone, and reads in Russian and Chinese', async () => {
    const { context, page } = await signedIn(analyst, PHONE);
    try {
      for (const [path, name] of [
        ['/intel', 'home'],
        ['/intel/organizations', 'organizations'],
        [`/intel/organizations/${green}`, 'organization'],
        ['/intel/incidents', 'incidents'],
        ['/intel/reports', 'reports'],
        ['/intel/new?type=incident', 'new'],
        ['/intel/import', 'import'],
        ['/intel/list', 'list'],
      ] as const) {
        await open(page, path);
        await checkPage(page, name);
      }
      await page.evaluate(() => window.localStorage.setItem('sco.language', 'ru'));
      await open(page, `/intel/organizations/${green}`);
      await page.getByRole('heading', { name: 'Инциденты по годам' }).first().waitFor();
      await checkPage(page, 'organization-ru');
      await page.evaluate(() => window.localStorage.setItem('sco.language', 'zh'));
      await open(page, '/intel/incidents');
      await page.getByRole('heading', { level: 1, name: '事件' }).waitFor();
      await checkPage(page, 'incidents-zh');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('shows a visitor without a session the TLP:CLEAR objects only', async () => {
    const { context, page } = await session.visitor();
    try {
      await open(page, '/intel/organizations');
      await page.getByText('Nothing to show here.').waitFor();
      await open(page, `/intel/organizations/${green}`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      await open(page, '/intel');
      await page.getByText('You see the objects marked TLP:CLEAR.').waitFor();
      await checkPage(page, 'home-anonymous');
    } finally {
      await context.close();
    }
  }, 60_000);
});
