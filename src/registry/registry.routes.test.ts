import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../test/helpers/server.ts';

describe('registry API over HTTP', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let app: FastifyInstance;
  beforeAll(async () => {
    server = await startServer();
    app = server.app;
  });
  afterAll(() => server.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('lists the members on a date as {items, total}', async () => {
    const res = await get('/api/states?status=member&at=2016-01-01');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(6);
    expect(body.items.map((s: { code: string }) => s.code).sort()).toEqual([
      'CN',
      'KG',
      'KZ',
      'RU',
      'TJ',
      'UZ',
    ]);
    expect(body.items[0].name).toEqual(
      expect.objectContaining({ en: expect.any(String), ru: expect.any(String), zh: expect.any(String) }),
    );
  });

  it('answers 400 naming the bad parameter, in the one error shape', async () => {
    for (const [url, field] of [
      ['/api/states?at=2016-13-45', 'at'],
      ['/api/states?status=friend', 'status'],
      ['/api/summits?limit=0', 'limit'],
      ['/api/documents?kind=poem', 'kind'],
      ['/api/chronology?color=red', 'color'],
      ['/api/search', 'q'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('invalid');
      expect(body.error.details.field, url).toBe(field);
      expect(body.error.message, url).toContain(field);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('answers 404 for unknown ids and routes', async () => {
    for (const url of ['/api/summits/chs-1066', '/api/documents/nothing', '/api/states/ZZ', '/api/nowhere']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('serves a summit with its documents and an ETag that revalidates', async () => {
    const res = await get('/api/summits/chs-2002');
    expect(res.statusCode).toBe(200);
    const summit = res.json();
    expect(summit.city.en).toMatch(/Petersburg/);
    const charter = summit.documents.find((d: { id: string }) => d.id === 'charter-2002');
    expect(charter.title.ru).toContain('Хартия');
    const etag = res.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await get('/api/summits/chs-2002', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
  });

  it('searches in Russian and Chinese', async () => {
    for (const q of ['Хартия', '宪章']) {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.json().items.map((h: { id: string }) => h.id)).toContain('charter-2002');
    }
  });

  it('publishes its OpenAPI document and the browsable docs', async () => {
    const spec = await get('/api/docs/json');
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    for (const path of [
      '/api/states',
      '/api/summits/{id}',
      '/api/chronology',
      '/api/search',
      '/api/people',
    ]) {
      expect(paths).toContain(path);
    }
    const ui = await get('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('the web app beside the API', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('answers client-side routes with the app and a missing file with 404', async () => {
    const page = await server.app.inject('/summits/chs-2002');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const missing = await server.app.inject('/assets/not-there-123.js');
    expect(missing.statusCode).toBe(404);
    const api = await server.app.inject('/api/not-a-route');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });
});
