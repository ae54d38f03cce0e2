import { randomUUID } from 'crypto';
import type { SandboxContext } from './context';
import { formBody, reply, route, SimRequest, SimResponse, Simulator } from './http';
import { audienceIs, decodeJwt, notExpired } from './tokens';

/**
 * Microsoft identity platform, client-credentials flow (api-facts §1 Auth), under /login:
 * base URL = https://login.microsoftonline.com. POST /{tenant}/oauth2/v2.0/token, form-encoded,
 * with client_secret or a certificate's client_assertion (RS256 JWT; checked for form, not signature,
 * since the sandbox does not know the certificate).
 */

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function aadError(
  status: number,
  error: string,
  code: number,
  message: string,
  headers?: Record<string, string>,
): SimResponse {
  const trace = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return reply(
    status,
    {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${trace}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: trace,
      correlation_id: trace,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    headers,
  );
}

const missing = (name: string): SimResponse =>
  aadError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);

export function createLogin(ctx: SandboxContext, graphUrl: () => string): Simulator {
  const token = (req: SimRequest): SimResponse => {
    const tenant = req.params[0].toLowerCase();
    const { azure } = ctx;
    if (tenant !== azure.tenant.toLowerCase() && tenant !== azure.tenantId) {
      return aadError(
        400,
        'invalid_request',
        90002,
        `Tenant '${req.params[0]}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    const form = formBody(req);
    const grant = form.get('grant_type');
    if (!grant) return missing('grant_type');
    if (grant !== 'client_credentials')
      return aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
    const clientId = form.get('client_id');
    if (!clientId) return missing('client_id');
    if (clientId !== azure.clientId) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${azure.tenant}'.`,
      );
    }
    const scope = form.get('scope');
    if (!scope) return missing('scope');
    // api-facts §1 Auth: scope=https://graph.microsoft.com/.default (the sandbox also takes its own Graph URL).
    if (scope !== GRAPH_SCOPE && scope !== `${graphUrl()}/.default`) {
      return aadError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const failure = checkCredential(form, clientId, req, ctx.secret);
    if (failure) return failure;
    const issued = ctx.tokens.issue('graph', [GRAPH_SCOPE]);
    return reply(200, {
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      ext_expires_in: issued.expiresIn,
      access_token: issued.token,
    });
  };
  return {
    vendor: 'login',
    routes: [route('POST', '/{tenant}/oauth2/v2.0/token', token)],
    fault: (status) =>
      status === 429
        ? aadError(
            429,
            'temporarily_unavailable',
            50196,
            'The server terminated an operation because it encountered a client request loop.',
            { 'Retry-After': '1' },
          )
        : aadError(status, 'temporarily_unavailable', 50001, 'The service is temporarily unavailable.'),
    notFound: () =>
      aadError(
        404,
        'invalid_request',
        900561,
        'The endpoint only accepts POST requests to /{tenant}/oauth2/v2.0/token in the sandbox.',
      ),
  };
}

function checkCredential(
  form: URLSearchParams,
  clientId: string,
  req: SimRequest,
  secret: string,
): SimResponse | undefined {
  const clientSecret = form.get('client_secret');
  if (clientSecret !== null) {
    if (clientSecret === secret) return undefined;
    return aadError(
      401,
      'invalid_client',
      7000215,
      "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" +
        clientId +
        "'.",
    );
  }
  const assertion = form.get('client_assertion');
  if (assertion === null)
    return aadError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
    return aadError(400, 'invalid_request', 50027, `client_assertion_type must be '${ASSERTION_TYPE}'.`);
  }
  const jwt = decodeJwt(assertion);
  if (!jwt) return aadError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.');
  if (jwt.header.alg !== 'RS256' && jwt.header.alg !== 'PS256') {
    return aadError(
      401,
      'invalid_client',
      5002738,
      `Invalid JWT token. '${String(jwt.header.alg)}' is not a supported signature algorithm.`,
    );
  }
  const tokenUrl = req.url.split('?')[0];
  if (!audienceIs(jwt, tokenUrl)) {
    return aadError(
      401,
      'invalid_client',
      700212,
      `The client assertion audience claim must be the token endpoint '${tokenUrl}'.`,
    );
  }
  if (jwt.payload.iss !== clientId || jwt.payload.sub !== clientId) {
    return aadError(
      401,
      'invalid_client',
      700021,
      "Client assertion application identifier doesn't match 'client_id' parameter.",
    );
  }
  if (!notExpired(jwt))
    return aadError(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
  return undefined;
}
