import { createHash } from 'crypto';
import type { RunnableConnector } from '../types';
import type { Journal } from '../journal/journal';

/**
 * Delta tokens in the journal's state table. A token is only valid for the configuration that produced
 * it: changing a mapping must re-read everyone, so the token is stored with a fingerprint of the
 * connector (secrets left out) and ignored when the fingerprint differs.
 */

const TOKEN = 'since';
const FINGERPRINT = 'since_fingerprint';

export function connectorFingerprint(c: RunnableConnector): string {
  const secret = new Set(c.secrets);
  const settings = (s: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(s).filter(([, v]) => !secret.has(v)));
  const shape = {
    source: { type: c.source.type, settings: settings(c.source.settings) },
    target: { type: c.target.type, settings: settings(c.target.settings) },
    match: c.match,
    mappings: c.mappings,
    onEmpty: c.onEmpty,
  };
  const text = JSON.stringify(shape, (key, value: unknown) => (/span$/i.test(key) ? undefined : value));
  return createHash('sha256').update(text).digest('hex');
}

export function loadSince(journal: Journal, c: RunnableConnector): string | undefined {
  if (journal.getState(c.name, FINGERPRINT) !== connectorFingerprint(c)) return undefined;
  return journal.getState(c.name, TOKEN);
}

export function saveSince(journal: Journal, c: RunnableConnector, token: string | undefined): void {
  journal.setState(c.name, TOKEN, token);
  journal.setState(c.name, FINGERPRINT, token === undefined ? undefined : connectorFingerprint(c));
}
