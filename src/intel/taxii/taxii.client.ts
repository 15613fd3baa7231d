import { TAXII_MEDIA_TYPE } from './taxii.rules.ts';

/**
 * A TAXII 2.1 client for another center's server (or our own): reads an API root, pages through
 * a collection's objects by `next` or by `added_after` from `X-TAXII-Date-Added-Last`, and POSTs
 * envelopes within the server's `max_content_length`. It speaks HTTP Basic and bearer tokens.
 */

export type TaxiiAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

/** A refusal from the other server, with its TAXII error title and description when it gave one. */
export class TaxiiRemoteError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    detail: string,
  ) {
    super(`${url} answered ${status}: ${detail}`);
  }
}

export interface Page {
  objects: unknown[];
  more: boolean;
  next: string | null;
  /** `X-TAXII-Date-Added-Last` of the page: where the next pull resumes. */
  addedLast: string | null;
}

export interface Status {
  id: string;
  status: 'pending' | 'complete';
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  failures?: { id: string; version?: string; message?: string }[];
}

export class TaxiiClient {
  private readonly root: string;

  constructor(
    apiRoot: string,
    private readonly auth: TaxiiAuth,
    private readonly fetcher: typeof fetch = fetch,
  ) {
    this.root = apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { accept: TAXII_MEDIA_TYPE, ...extra };
    if (this.auth.kind === 'basic')
      headers.authorization = `Basic ${Buffer.from(`${this.auth.username}:${this.auth.password}`).toString('base64')}`;
    if (this.auth.kind === 'bearer') headers.authorization = `Bearer ${this.auth.token}`;
    return headers;
  }

  private async request(path: string, init: RequestInit = {}) {
    const url = new URL(path, this.root).toString();
    let response: Response;
    try {
      response = await this.fetcher(url, {
        ...init,
        headers: this.headers(init.headers as Record<string, string>),
      });
    } catch (error) {
      throw new TaxiiRemoteError(
        0,
        url,
        `cannot connect (${(error as Error).cause ?? (error as Error).message})`,
      );
    }
    if (!response.ok) {
      const text = await response.text();
      let detail = text.slice(0, 300);
      try {
        const body = JSON.parse(text) as { title?: string; description?: string };
        if (body.title) detail = body.description ? `${body.title}: ${body.description}` : body.title;
      } catch {
        // Not a TAXII error message: keep the start of the text.
      }
      throw new TaxiiRemoteError(response.status, url, detail);
    }
    return response;
  }

  /** The API root's description, with its `max_content_length`. */
  async apiRoot(): Promise<{ title: string; versions: string[]; max_content_length: number }> {
    return (await this.request('')).json() as never;
  }

  /** The collections the signed-in client may use. */
  async collections(): Promise<
    { id: string; title: string; alias?: string; can_read: boolean; can_write: boolean }[]
  > {
    const body = (await (await this.request('collections/')).json()) as { collections?: never[] };
    return body.collections ?? [];
  }

  /** One page of a collection's objects, every version, after `addedAfter` or at `next`. */
  async page(
    collection: string,
    at: { addedAfter?: string | null; next?: string | null; limit?: number },
  ): Promise<Page> {
    const query = new URLSearchParams({ 'match[version]': 'all', limit: String(at.limit ?? 1000) });
    if (at.next) query.set('next', at.next);
    else if (at.addedAfter) query.set('added_after', at.addedAfter);
    const response = await this.request(`collections/${encodeURIComponent(collection)}/objects/?${query}`);
    const body = (await response.json()) as { more?: boolean; next?: string; objects?: unknown[] };
    return {
      objects: body.objects ?? [],
      more: body.more === true,
      next: body.next ?? null,
      addedLast: response.headers.get('x-taxii-date-added-last'),
    };
  }

  /** Posts an envelope; the answer is its status resource. */
  async post(collection: string, objects: readonly unknown[]): Promise<Status> {
    const response = await this.request(`collections/${encodeURIComponent(collection)}/objects/`, {
      method: 'POST',
      headers: { 'content-type': TAXII_MEDIA_TYPE },
      body: JSON.stringify({ objects }),
    });
    return (await response.json()) as Status;
  }

  async status(id: string): Promise<Status> {
    return (await (await this.request(`status/${encodeURIComponent(id)}/`)).json()) as Status;
  }
}
