import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as tls from 'tls';

/**
 * Keep-alive agents. TLS verification is always on; a private CA (`ca_file`) is added to, not substituted for,
 * Node's trusted roots.
 */
export interface Agents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
  destroy(): void;
}

export function createAgents(caFile?: string, caPem?: string): Agents {
  const extra = caPem ?? (caFile ? fs.readFileSync(caFile, 'utf8') : undefined);
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const httpsAgent = new https.Agent({
    keepAlive: true,
    maxSockets: 16,
    rejectUnauthorized: true,
    ...(extra ? { ca: [...tls.rootCertificates, extra] } : {}),
  });
  return {
    httpAgent,
    httpsAgent,
    destroy() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
