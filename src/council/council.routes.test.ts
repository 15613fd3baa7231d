import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../test/helpers/server.ts';

describe('the chairmanship over HTTP', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('answers who chaired on a date and predicts the next chair', async () => {
    const at = async (date: string) => (await server.app.inject(`/api/chairmanship?at=${date}`)).json();
    expect((await at('2002-01-01')).chair.state).toBe('RU');
    expect((await at('2003-05-29')).chair.state).toBe('KZ');
    expect((await at('2025-06-01')).chair.state).toBe('CN');
    const now = await at('2026-01-15');
    expect(now.chair.state).toBe('KG');
    // Беларусь, Индия, Иран, Казахстан, Китай, Кыргызстан, Пакистан...: after Kyrgyzstan, Pakistan.
    expect(now.next.state).toBe('PK');
    expect(now.terms.length).toBe(31);
  });

  it('names a bad date', async () => {
    const res = await server.app.inject('/api/chairmanship?at=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('at');
  });
});
