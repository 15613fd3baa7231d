import { ApiError, apiUrl, getJson } from '../../api/client.ts';
import type { ImportKind, ImportReport, Tlp } from './types.ts';

/**
 * Uploads an import file with `XMLHttpRequest`, the one browser API that reports upload progress
 * (`fetch` does not). The file is sent as it is, under its kind's content type; the session's CSRF
 * token is read fresh from `/api/auth/me` first, as every state-changing request must carry it.
 */

export interface ImportOptions {
  kind: ImportKind;
  tlp: Tlp;
  recipientOrgs: readonly string[];
  partial: boolean;
}

const CONTENT_TYPE: Record<ImportKind, string> = { stix: 'application/stix+json', gtd: 'text/csv' };

/** The import endpoint of a kind, with its marking, recipients and partial flag in the query. */
export function importUrl(options: ImportOptions): string {
  return apiUrl(`intel/imports/${options.kind}`, {
    tlp: options.tlp,
    partial: options.partial ? 'true' : undefined,
    recipientOrgs: options.recipientOrgs.length ? options.recipientOrgs.join(',') : undefined,
  });
}

/** The report inside a refused all-or-nothing import (400 with `details.report`), if there is one. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError)) return null;
  const report = error.details.report as ImportReport | undefined;
  return report && typeof report.read === 'number' ? report : null;
}

function toError(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    return new ApiError(
      xhr.status,
      body.error?.code ?? 'http_error',
      body.error?.message ?? xhr.statusText,
      body.error?.details ?? {},
    );
  } catch {
    return new ApiError(xhr.status, 'http_error', xhr.statusText || 'upload failed');
  }
}

/**
 * Sends `file` to the import endpoint; `onProgress` gets the share sent (0 to 1). Resolves with the
 * report; rejects with an `ApiError` (a refused all-or-nothing import carries its report).
 */
export async function uploadImport(
  file: Blob,
  options: ImportOptions,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  const { csrfToken } = await getJson<{ csrfToken: string | null }>('auth/me', {}, signal);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', importUrl(options));
    xhr.setRequestHeader('content-type', CONTENT_TYPE[options.kind]);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        try {
          resolve(JSON.parse(xhr.responseText) as ImportReport);
        } catch {
          reject(new ApiError(xhr.status, 'http_error', 'the answer was not JSON'));
        }
      } else reject(toError(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'the upload did not reach the server'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
