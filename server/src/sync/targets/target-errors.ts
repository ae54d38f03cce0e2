import { HttpError, HostPinningError, RequestAbortedError } from '../http/errors';

/** One line that tells the user what went wrong with a target and what to check. */
export function describeTargetError(e: unknown, where: string): string {
  if (e instanceof HttpError) {
    const vendor = e.vendorMessage ? `: ${e.vendorMessage}` : '';
    switch (e.status) {
      case 400:
        return `${where}: the server rejected the request as malformed (HTTP 400)${vendor}`;
      case 401:
        return `${where}: the token was not accepted (HTTP 401); check the token setting`;
      case 403:
        return `${where}: the token's user is not allowed to do this (HTTP 403)${vendor}; it needs administrator rights`;
      case 404:
        return `${where}: nothing answers at ${e.url} (HTTP 404); check url and companion_path, and that the companion is installed`;
      default:
        return `${where}: ${e.message}`;
    }
  }
  if (e instanceof Error) return `${where}: ${e.message}`;
  return `${where}: ${String(e)}`;
}

/** Errors that end the whole operation rather than one batch: cancellation, pinning, refused credentials. */
export function isFatal(e: unknown): boolean {
  if (e instanceof RequestAbortedError || e instanceof HostPinningError) return true;
  return e instanceof HttpError && (e.status === 401 || e.status === 403);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
