import { strict as assert } from 'assert';
import type { Expr, PathSegment } from '../../../server/src/model/model';
import { nextLink, parseLinkHeader } from '../../../server/src/sync/http/link-header';
import { redactUrl } from '../../../server/src/sync/http/redact-url';
import { backoffMs, retryWaitMs, serverWaitMs } from '../../../server/src/sync/http/retry-policy';
import { slowdownMs } from '../../../server/src/sync/http/slowdown';
import { withQuery } from '../../../server/src/sync/http/url';
import { attributesUsed } from '../../../server/src/sync/sources/attributes-used';
import { graphSelection } from '../../../server/src/sync/sources/azure-select';

const span = { start: 0, end: 0 };
const p = (dotted: string): Expr => ({
  kind: 'path',
  span,
  segments: dotted.split('.').map((name): PathSegment => ({ name, span })),
});
const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, nameSpan: span, args, span });
const connector = (match: Expr, ...exprs: Expr[]) => ({
  match,
  mappings: exprs.map((expr, i) => ({ kind: 'property' as const, key: `k${i}`, expr })),
});

describe('Link header', () => {
  it('finds rel="next" among several links, with commas inside the URLs', () => {
    const h =
      '<https://o.okta.com/api/v1/users?limit=200&search=a,b>; rel="self", <https://o.okta.com/api/v1/users?after=00u1&limit=200>; rel="next"';
    assert.equal(
      nextLink(h, 'https://o.okta.com/api/v1/users'),
      'https://o.okta.com/api/v1/users?after=00u1&limit=200',
    );
    assert.deepEqual(
      parseLinkHeader(h).map((l) => l.rel),
      [['self'], ['next']],
    );
  });
  it('accepts unquoted rel and relative URLs, and returns undefined without next', () => {
    assert.equal(
      nextLink('</api/v1/users?after=x>; rel=next', 'https://o.okta.com/api/v1/users'),
      'https://o.okta.com/api/v1/users?after=x',
    );
    assert.equal(nextLink('<https://o/x>; rel="self"', 'https://o/'), undefined);
    assert.equal(nextLink(undefined, 'https://o/'), undefined);
  });
});

describe('retry policy', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(serverWaitMs(429, { 'retry-after': '7' }, now), 7000);
    assert.equal(serverWaitMs(503, { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now), 30_000);
  });
  it("reads Okta's X-Rate-Limit-Reset only on a 429", () => {
    const reset = String(now / 1000 + 12);
    assert.equal(serverWaitMs(429, { 'x-rate-limit-reset': reset }, now), 12_000);
    assert.equal(serverWaitMs(200, { 'x-rate-limit-reset': reset }, now), undefined);
  });
  it('backs off exponentially with jitter, within the cap', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    assert.equal(
      backoffMs(1, opts, () => 0),
      50,
    );
    assert.equal(
      backoffMs(3, opts, () => 1),
      400,
    );
    assert.equal(
      backoffMs(10, opts, () => 1),
      1000,
    );
    assert.equal(retryWaitMs(1, 429, { 'retry-after': '3600' }, opts, now), 1000);
  });
  it('slows down on low Okta budget and high Graph throttle percentage only', () => {
    const reset = String(now / 1000 + 10);
    assert.equal(
      slowdownMs(
        { 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '300', 'x-rate-limit-reset': reset },
        now,
        60_000,
      ),
      0,
    );
    assert.equal(
      slowdownMs(
        { 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '9', 'x-rate-limit-reset': reset },
        now,
        60_000,
      ),
      1000,
    );
    assert.equal(slowdownMs({ 'x-ms-throttle-limit-percentage': '1.0' }, now, 60_000), 5000);
    assert.equal(slowdownMs({ 'x-ms-throttle-limit-percentage': '0.79' }, now, 60_000), 0);
  });
});

describe('redactUrl', () => {
  it('hides credential and cursor values but keeps the rest readable', () => {
    const out = redactUrl('https://u:pw@h/x?client_secret=abc&$skiptoken=zz&$select=id,mail&username=alice');
    assert.equal(out, 'https://h/x?client_secret=***&$skiptoken=***&$select=id,mail&username=alice');
  });

  it('shows the first three values of a parameter repeated for a batch, then how many more', () => {
    const batch = Array.from({ length: 100 }, (_, i) => `username=u${i}%40contoso.com`).join('&');
    const out = redactUrl(`https://jira/rest/users?${batch}&token=t`);
    assert.equal(
      out,
      'https://jira/rest/users?username=u0@contoso.com&username=u1@contoso.com&username=u2@contoso.com&token=***' +
        '&… (97 more username values)',
    );
  });
});

describe('attributesUsed', () => {
  it('lists every path in match and mappings once, walking into call arguments', () => {
    const used = attributesUsed(
      connector(
        call('lower', p('userPrincipalName')),
        p('department'),
        call(
          'first',
          p('mobilePhone'),
          call('join', { kind: 'string', value: ', ', span }, p('manager.mail'), p('department')),
        ),
        { kind: 'missing', span },
      ),
    );
    assert.deepEqual(used, [['userPrincipalName'], ['department'], ['mobilePhone'], ['manager', 'mail']]);
  });
});

describe('Graph selection', () => {
  it('selects used top-level properties plus id and userPrincipalName, expands manager, defers list-unsupported ones', () => {
    const sel = graphSelection([
      ['department'],
      ['employeeOrgData', 'costCenter'],
      ['manager', 'mail'],
      ['aboutMe'],
      ['hireDate'],
      ['department'],
    ]);
    assert.deepEqual(sel.list, ['id', 'userPrincipalName', 'department', 'employeeOrgData']);
    assert.deepEqual(sel.perUser, ['aboutMe', 'hireDate']);
    assert.deepEqual(sel.manager, ['id', 'mail']);
  });
  it('does not expand manager when no mapping reads it', () => {
    assert.equal(graphSelection([['mail']]).manager, undefined);
  });
});

describe('Request URLs', () => {
  it('repeats an array parameter under its name, encoding names and values', () => {
    assert.equal(
      withQuery('https://jira.example.com/usersync/users', { username: ['ann@example.com', 'bob smith'] }),
      'https://jira.example.com/usersync/users?username=ann%40example.com&username=bob%20smith',
    );
    assert.equal(withQuery('https://x.test/u', { 'a b': ['1', '2'] }), 'https://x.test/u?a%20b=1&a%20b=2');
  });

  it('keeps $ and , readable, skips undefined values and appends to a query already there', () => {
    assert.equal(
      withQuery('https://graph.microsoft.com/v1.0/users?x=1', { $select: 'id,mail', $top: 100, $filter: undefined }),
      'https://graph.microsoft.com/v1.0/users?x=1&$select=id,mail&$top=100',
    );
    assert.equal(withQuery('https://x.test/u', { only: undefined }), 'https://x.test/u');
  });
});
