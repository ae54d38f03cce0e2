import { strict as assert } from 'assert';
import type { HttpResponse } from '../../../server/src/sync/http/client';
import { chainedPages, peekJsonString, type PageChain } from '../../../server/src/sync/sources/chained-pages';

interface Page {
  n: number;
  next?: string;
}

/** A chain over pages held in memory; `log` records each request and each page handed on, in order. */
function chain(bodies: Record<string, string>, log: string[]): PageChain<Page> {
  const answer = (name: string): Promise<HttpResponse<string>> => {
    log.push(`ask ${name}`);
    const body = bodies[name];
    if (body === undefined) return Promise.reject(new Error(`no page ${name}`));
    return Promise.resolve({ status: 200, headers: {}, data: body, url: `https://x/${name}` });
  };
  return {
    first: () => answer('p1'),
    fetch: (next) => answer(next),
    peek: (res) => peekJsonString(res.data, 'next'),
    next: (page) => page.next,
  };
}

async function read(c: PageChain<Page>, log: string[]): Promise<number[]> {
  const seen: number[] = [];
  for await (const page of chainedPages(c)) {
    log.push(`page ${page.n}`);
    seen.push(page.n);
  }
  return seen;
}

describe('chained pages', () => {
  it('asks for the next page before handing this one on, and stops after the page that names none', async () => {
    const log: string[] = [];
    const pages = await read(chain({ p1: '{"next":"p2","n":1}', p2: '{"n":2,"next":"p3"}', p3: '{"n":3}' }, log), log);
    assert.deepEqual(pages, [1, 2, 3]);
    assert.deepEqual(log, ['ask p1', 'ask p2', 'page 1', 'ask p3', 'page 2', 'page 3']);
  });

  it('without a peek, asks for the next page once this one is parsed, still before handing it on', async () => {
    const log: string[] = [];
    const bodies = { p1: '{"next":"p2","n":1}', p2: '{"n":2}' };
    const pages = await read({ ...chain(bodies, log), peek: () => undefined }, log);
    assert.deepEqual(pages, [1, 2]);
    assert.deepEqual(log, ['ask p1', 'ask p2', 'page 1', 'page 2']);
  });

  it('drops the early request when the parsed page names another next page', async () => {
    // The first "next" in the text is nested; JSON.parse's top-level "next" is p3.
    const log: string[] = [];
    const pages = await read(
      chain({ p1: '{"n":1,"x":{"next":"p2"},"next":"p3"}', p2: '{"n":2}', p3: '{"n":3}' }, log),
      log,
    );
    assert.deepEqual(pages, [1, 3]);
    assert.deepEqual(log, ['ask p1', 'ask p2', 'ask p3', 'page 1', 'page 3']);
  });

  it('a failed early request that was dropped is neither thrown nor unhandled', async () => {
    const log: string[] = [];
    const pages = await read(chain({ p1: '{"n":1,"x":{"next":"nowhere"},"next":"p3"}', p3: '{"n":3}' }, log), log);
    assert.deepEqual(pages, [1, 3]);
  });

  it('a failed request for a page that counts is thrown to the reader', async () => {
    const log: string[] = [];
    await assert.rejects(read(chain({ p1: '{"n":1,"next":"p2"}' }, log), log), /no page p2/);
    assert.deepEqual(log, ['ask p1', 'ask p2', 'page 1']);
  });
});

describe('peekJsonString', () => {
  it('reads the string after a key, across whitespace and escapes', () => {
    assert.equal(peekJsonString('{"a":1, "next" :\n "https:\\/\\/x\\/y?\\"q\\"" }', 'next'), 'https://x/y?"q"');
    assert.equal(
      peekJsonString('{"@odata.nextLink":"https://g/v1.0/users?$skiptoken=X","value":[]}', '@odata.nextLink'),
      'https://g/v1.0/users?$skiptoken=X',
    );
  });

  it('is undefined when the key is missing, not followed by a string, or the text ends inside the string', () => {
    assert.equal(peekJsonString('{"value":[]}', 'next'), undefined);
    assert.equal(peekJsonString('{"next":null}', 'next'), undefined);
    assert.equal(peekJsonString('{"next" "x"}', 'next'), undefined);
    assert.equal(peekJsonString('{"next":"abc', 'next'), undefined);
    assert.equal(peekJsonString('{"next":"a\\', 'next'), undefined);
  });
});
