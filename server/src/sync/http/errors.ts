/**
 * Typed HTTP errors. They carry the method, a redacted URL, the status and the vendor's error code and message,
 * and never the request headers: no Authorization value or token can leak through message, toString or JSON.
 */

export interface VendorError {
  code?: string;
  message?: string;
}

export class HttpError extends Error {
  override readonly name: string = 'HttpError';
  constructor(
    readonly method: string,
    /** URL with secret query values replaced by '***'. */
    readonly url: string,
    /** HTTP status, or undefined when no response arrived (connection reset, timeout). */
    readonly status: number | undefined,
    readonly vendorCode?: string,
    readonly vendorMessage?: string,
    /** Network error code (ECONNRESET, ETIMEDOUT, ...) when no response arrived. */
    readonly networkCode?: string,
  ) {
    super(describe(method, url, status, vendorCode, vendorMessage, networkCode));
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      url: this.url,
      status: this.status,
      vendorCode: this.vendorCode,
      vendorMessage: this.vendorMessage,
      networkCode: this.networkCode,
    };
  }
}

function describe(
  method: string,
  url: string,
  status: number | undefined,
  code?: string,
  message?: string,
  networkCode?: string,
): string {
  const what = status === undefined ? `failed (${networkCode ?? 'network error'})` : `returned HTTP ${status}`;
  const vendor = [code, message].filter((s) => s).join(': ');
  return `${method} ${url} ${what}${vendor ? ` — ${vendor}` : ''}`;
}

/** A next-page link, Link header or redirect pointed at an origin the credentials are not meant for. */
export class HostPinningError extends Error {
  override readonly name = 'HostPinningError';
  constructor(
    readonly url: string,
    readonly allowed: string[],
  ) {
    super(`refusing to follow ${url}: it is not on the configured origin ${allowed.join(', ')}`);
  }
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, url: this.url, allowed: this.allowed };
  }
}

/** The caller's AbortSignal fired. */
export class RequestAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(readonly url: string) {
    super(`request to ${url} was cancelled`);
  }
}

/**
 * The vendor's error code and message from a response body:
 * Graph {error:{code,message}}, Okta {errorCode,errorSummary}, Google {error:{message,errors:[{reason}]}},
 * OAuth token endpoints {error,error_description}, the companion {message},
 * Jira/Confluence REST {errorMessages:[…], errors:{field: message}}.
 */
export function vendorError(body: unknown): VendorError {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  if (typeof b.errorCode === 'string') return { code: b.errorCode, message: str(b.errorSummary) };
  if (b.error && typeof b.error === 'object') {
    const e = b.error as Record<string, unknown>;
    const first = Array.isArray(e.errors) && e.errors[0] && typeof e.errors[0] === 'object' ? e.errors[0] : {};
    const reason = str((first as Record<string, unknown>).reason);
    return { code: reason ?? str(e.code) ?? str(e.status), message: str(e.message) };
  }
  if (typeof b.error === 'string') return { code: b.error, message: str(b.error_description) };
  if (typeof b.message === 'string') return { message: b.message };
  if (Array.isArray(b.errorMessages) || (b.errors && typeof b.errors === 'object')) {
    const fieldErrors = b.errors && typeof b.errors === 'object' ? Object.values(b.errors) : [];
    const all = [...(Array.isArray(b.errorMessages) ? b.errorMessages : []), ...fieldErrors].filter(
      (m) => typeof m === 'string',
    );
    return all.length ? { message: all.join('; ') } : {};
  }
  return {};
}

/** Google's error reason (errors[0].reason), used to decide whether a 403 is a quota error. */
export function googleReason(body: unknown): string | undefined {
  const e = (body as { error?: { errors?: { reason?: unknown }[] } } | undefined)?.error;
  const reason = Array.isArray(e?.errors) ? e?.errors[0]?.reason : undefined;
  return typeof reason === 'string' ? reason : undefined;
}

/** Vendor text on one line (Entra ID puts trace ids on extra lines). */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function isNotFound(e: unknown): boolean {
  return e instanceof HttpError && e.status === 404;
}
