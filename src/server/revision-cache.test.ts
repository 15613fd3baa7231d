import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { smallReferenceData, writeDataDir } from '../../test/helpers/reference-factory.ts';
import { seedReferenceData } from '../registry/reference-data.service.ts';
import { readReferenceData } from '../registry/reference-data.ts';
import { buildApp } from './app.ts';

describe('cached registry answers', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    await seedReferenceData(database.db, readReferenceData(writeDataDir(smallReferenceData())));
  });
  afterEach(() => database.destroy());

  it('follow a new load of the data at once when no staleness is allowed', async () => {
    const app = await buildApp({ database, cacheStalenessMs: 0 });
    const before = await app.inject('/api/summits/chs-2001');
    expect(before.json().city.en).toBe('Shanghai');
    const edited = smallReferenceData();
    if (edited.summits[0]) edited.summits[0].city = { en: 'Shanghai (Pudong)', ru: 'Шанхай', zh: '上海' };
    await seedReferenceData(database.db, readReferenceData(writeDataDir(edited)));
    const after = await app.inject('/api/summits/chs-2001');
    expect(after.json().city.en).toBe('Shanghai (Pudong)');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await app.close();
  });

  it('answer a matching If-None-Match with 304 and no body, from the cache and before it', async () => {
    const app = await buildApp({ database, cacheStalenessMs: 0 });
    const first = await app.inject('/api/bodies');
    const etag = first.headers.etag as string;
    expect(first.statusCode).toBe(200);
    const cached = await app.inject({ url: '/api/bodies', headers: { 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    const fresh = await buildApp({ database, cacheStalenessMs: 0 });
    const uncached = await fresh.inject({ url: '/api/bodies', headers: { 'if-none-match': etag } });
    expect(uncached.statusCode).toBe(304);
    await Promise.all([app.close(), fresh.close()]);
  });

  it('never keeps errors', async () => {
    const app = await buildApp({ database, cacheStalenessMs: 0 });
    expect((await app.inject('/api/summits/chs-2099')).statusCode).toBe(404);
    expect((await app.inject('/api/summits/chs-2099')).statusCode).toBe(404);
    expect((await app.inject('/api/summits/chs-2099')).headers.etag).toBeUndefined();
    await app.close();
  });
});

describe('request limits', () => {
  it('refuse a body over 1 MiB with 413 in the one error shape', async () => {
    const database = await createTestDatabase('sqlite');
    const app = await buildApp({ database });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y'.repeat(1024 * 1024 + 10) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    await app.close();
    await database.destroy();
  });
});
