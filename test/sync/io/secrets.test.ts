import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Expr } from '../../../server/src/model/model';
import fc from 'fast-check';
import { redactor, resolveValue, secretEnvName } from '../../../server/src/sync/secrets';
import { redactionForms, redactionPattern } from '../../../server/src/sync/secrets/redact';

const span = { start: 0, end: 0 };
const str = (value: string): Expr => ({ kind: 'string', value, span });
const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, nameSpan: span, args, span });

describe('secret resolution', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-secrets-'));
    fs.writeFileSync(path.join(dir, 'key.pem'), 'line1\nline2\n');
    fs.writeFileSync(path.join(dir, 'crlf.txt'), 'value\r\n\r\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const ctx = (extra: Partial<Parameters<typeof resolveValue>[1]> = {}) => ({
    env: { AZURE_CLIENT_SECRET: 's3cr3t-value', USERSYNC_SECRET_JIRA_PAT: 'pat-from-env' },
    configDir: dir,
    trusted: true,
    ...extra,
  });

  it('keeps a string literal as is and does not call it a secret', () => {
    assert.deepEqual(resolveValue(str('contoso.onmicrosoft.com'), ctx()), {
      value: 'contoso.onmicrosoft.com',
      secret: false,
    });
  });

  it('reads env("X") from the environment', () => {
    assert.deepEqual(resolveValue(call('env', str('AZURE_CLIENT_SECRET')), ctx()), {
      value: 's3cr3t-value',
      secret: true,
    });
    assert.match(resolveValue(call('env', str('NOPE')), ctx()).error ?? '', /NOPE is not set/);
  });

  it('reads file("p") relative to the config folder, without its final newline only', () => {
    assert.equal(resolveValue(call('file', str('key.pem')), ctx()).value, 'line1\nline2');
    assert.equal(resolveValue(call('file', str('crlf.txt')), ctx()).value, 'value\r\n');
    assert.equal(resolveValue(call('file', str(path.join(dir, 'key.pem'))), ctx()).value, 'line1\nline2');
    assert.match(resolveValue(call('file', str('missing.pem')), ctx()).error ?? '', /"missing.pem" does not exist/);
  });

  it('takes secret("name") from the provided store first, then USERSYNC_SECRET_<NAME>', () => {
    const store = (name: string) => (name === 'jira-pat' ? 'pat-from-store' : undefined);
    assert.equal(resolveValue(call('secret', str('jira-pat')), ctx({ secrets: store })).value, 'pat-from-store');
    assert.equal(resolveValue(call('secret', str('jira-pat')), ctx()).value, 'pat-from-env');
    assert.equal(secretEnvName('wiki.pat-2'), 'USERSYNC_SECRET_WIKI_PAT_2');
    const missing = resolveValue(call('secret', str('other')), ctx());
    assert.match(missing.error ?? '', /USERSYNC_SECRET_OTHER/);
  });

  it('refuses env, file and secret in an untrusted workspace', () => {
    for (const expr of [
      call('env', str('AZURE_CLIENT_SECRET')),
      call('file', str('key.pem')),
      call('secret', str('jira-pat')),
    ]) {
      const r = resolveValue(expr, ctx({ trusted: false }));
      assert.equal(r.value, undefined);
      assert.equal(r.error, 'secret resolution disabled in an untrusted workspace');
    }
  });

  it('reports other expressions as errors instead of throwing', () => {
    assert.ok(resolveValue({ kind: 'missing', span }, ctx()).error);
    assert.ok(resolveValue(call('lower', str('x')), ctx()).error);
    assert.ok(resolveValue(call('env'), ctx()).error);
    assert.ok(resolveValue({ kind: 'path', segments: [{ name: 'a', span }], span }, ctx()).error);
  });
});

describe('redactor', () => {
  const secret = 'p@ss word/+=secret';
  const redact = redactor([secret, 'ab', '']);

  it('replaces the value, its base64 and URL-encoded forms', () => {
    const b64 = Buffer.from(secret).toString('base64');
    const text = `a ${secret} b ${b64} c ${encodeURIComponent(secret)} d ${new URLSearchParams({ v: secret }).toString()}`;
    const out = redact(text);
    assert.ok(!out.includes(secret) && !out.includes(b64) && !out.includes(encodeURIComponent(secret)), out);
    assert.equal(out, 'a *** b *** c *** d v=***');
  });

  it('leaves very short values alone', () => {
    assert.equal(redact('ab cd'), 'ab cd');
  });

  it('catches a PEM key inside JSON and a single line of a multi-line key', () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
    const keyJson = JSON.stringify({ client_email: 'x@y.iam.gserviceaccount.com', private_key: pem });
    const r = redactor([keyJson]);
    assert.ok(!r(`dump: ${pem}`).includes('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'));
    assert.ok(!r(`escaped: ${JSON.stringify(pem)}`).includes('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'));
    assert.ok(!r('line: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC').includes('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'));
  });

  it("leaves a JSON key's endpoints and account address readable in messages, and hides the rest", () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    const key = JSON.stringify(
      {
        type: 'service_account',
        private_key_id: 'a1b2c3d4e5f6a7b8c9d0',
        private_key: pem,
        client_email: 'usersync@contoso-prod.iam.gserviceaccount.com',
        token_uri: 'https://oauth2.googleapis.com/token',
        proxy: 'https://svc:Hunter2-Hunter2@proxy.contoso.com/',
      },
      null,
      2,
    );
    const r = redactor([key]);
    const message =
      'POST https://oauth2.googleapis.com/token failed (401) for usersync@contoso-prod.iam.gserviceaccount.com';
    assert.equal(r(message), message);
    assert.equal(r('key id a1b2c3d4e5f6a7b8c9d0'), 'key id ***');
    assert.equal(r('line MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'), 'line ***');
    assert.ok(!r('via https://svc:Hunter2-Hunter2@proxy.contoso.com/').includes('Hunter2'), 'a URL with a password');
    assert.equal(r(`dump ${key}`), 'dump ***');
  });

  it('redacts exactly what the whole pattern alone would (law: the quick check never skips a form)', () => {
    const secrets = [
      secret,
      'k3y!',
      JSON.stringify({ private_key: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7x' }),
    ];
    const forms = redactionForms(secrets);
    const pattern = redactionPattern(forms);
    const r = redactor(secrets);
    // Texts made of pieces of the forms (whole, cut, overlapping) and arbitrary strings, in any order.
    const piece = fc.oneof(
      fc.constantFrom(...forms),
      fc
        .tuple(fc.constantFrom(...forms), fc.nat(40), fc.nat(40))
        .map(([f, a, b]) => f.slice(Math.min(a, b), Math.max(a, b))),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(r(text), text.replace(pattern, '***'));
      }),
      { numRuns: 3000 },
    );
  });

  it('is the identity with no secrets', () => {
    assert.equal(redactor([])('nothing to hide'), 'nothing to hide');
  });
});
