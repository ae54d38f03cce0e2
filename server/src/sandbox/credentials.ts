import { createHash, generateKeyPair, KeyObject } from 'crypto';
import type { SandboxContext } from './context';
import type { SandboxUrls } from './server';

/**
 * What a client needs to sign in to the sandbox. One shared secret serves as Azure client secret,
 * Okta SSWS token and Jira/Confluence PAT; Google (and Okta's private_key_jwt) use an RSA key the
 * sandbox generates, handed out as a service-account key file.
 */

export interface GoogleServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
}

export interface SandboxCredentials {
  /** The shared secret. Never print it. */
  token: string;
  azure: { tenant: string; tenantId: string; clientId: string; clientSecret: string };
  okta: { token: string; clientId: string; privateKey: string };
  google: {
    serviceAccountKey: GoogleServiceAccountKey;
    adminEmail: string;
    customer: string;
    customerId: string;
    domain: string;
  };
  jira: { token: string };
  confluence: { token: string };
}

let keys: Promise<{ publicKey: KeyObject; privateKeyPem: string }> | undefined;

/** One RSA-2048 key pair per process (generating one takes ~100 ms; every sandbox may share it). */
export function sandboxKeys(): Promise<{ publicKey: KeyObject; privateKeyPem: string }> {
  keys ??= new Promise((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) =>
      err
        ? reject(err)
        : resolve({ publicKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }),
    ),
  );
  return keys;
}

export function sandboxCredentials(ctx: SandboxContext, urls: SandboxUrls, privateKeyPem: string): SandboxCredentials {
  const secret = ctx.secret;
  return {
    token: secret,
    azure: {
      tenant: ctx.azure.tenant,
      tenantId: ctx.azure.tenantId,
      clientId: ctx.azure.clientId,
      clientSecret: secret,
    },
    okta: { token: secret, clientId: ctx.okta.clientId, privateKey: privateKeyPem },
    google: {
      serviceAccountKey: {
        type: 'service_account',
        project_id: 'usersync-sandbox',
        private_key_id: createHash('sha1').update(privateKeyPem).digest('hex'),
        private_key: privateKeyPem,
        client_email: ctx.google.clientEmail,
        client_id: ctx.dir.ids.googleId(0x7fff0005),
        auth_uri: 'https://accounts.google.com/o/oauth2/auth',
        token_uri: urls.googleToken,
      },
      adminEmail: ctx.google.adminEmail,
      customer: 'my_customer',
      customerId: ctx.google.customerId,
      domain: ctx.google.domain,
    },
    jira: { token: secret },
    confluence: { token: secret },
  };
}
