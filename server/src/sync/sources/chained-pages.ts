import { parseBody, type HttpResponse } from '../http/client';

/**
 * How a list names its next page: Graph's `@odata.nextLink` in the body, Okta's `Link` header, Google's
 * `nextPageToken` in the body (api-facts.md §1–§3).
 */
export interface PageChain<P> {
  /** The first page's request. */
  first(): Promise<HttpResponse<string>>;
  /** The request for the page after the one that named `next`. */
  fetch(next: string): Promise<HttpResponse<string>>;
  /**
   * The next page as the answer names it, read without parsing the body; undefined when it cannot tell,
   * or when asking before the parse does not pay (Google: sources/google.ts).
   */
  peek(res: HttpResponse<string>): string | undefined;
  /** The next page as the parsed page names it: what counts. */
  next(page: P, res: HttpResponse<string>): string | undefined;
}

/**
 * The pages of a list in which each page names the next. Those requests form a chain that no
 * concurrency can shorten, so nothing but the wait for the answer should sit on it: the request for
 * page n+1 goes out (and is written to the socket, one event-loop turn) before page n is parsed, using
 * the next page `peek` read from the raw answer. The parsed page then has the last word: should it name
 * another page than the peek did, the early request's answer is dropped and the named page requested.
 */
export async function* chainedPages<P>(chain: PageChain<P>): AsyncGenerator<P> {
  let pending: Promise<HttpResponse<string>> | undefined = chain.first();
  while (pending) {
    const step: Step<P> = await readPage(chain, await pending);
    pending = step.pending;
    yield step.page;
  }
}

interface Step<P> {
  page: P;
  pending: Promise<HttpResponse<string>> | undefined;
}

/**
 * One page: the next one asked for, then this one parsed. A function of its own so that the answer's
 * text is not held while the consumer works on the page (a generator keeps its locals across `yield`).
 */
async function readPage<P>(chain: PageChain<P>, res: HttpResponse<string>): Promise<Step<P>> {
  const peeked = chain.peek(res);
  let pending = peeked === undefined ? undefined : quiet(chain.fetch(peeked));
  if (pending) await new Promise<void>((resolve) => setImmediate(resolve));
  const page = parseBody(res.data) as P;
  const next = chain.next(page, res);
  if (next !== peeked) pending = next === undefined ? undefined : chain.fetch(next);
  return { page, pending };
}

/** A request that may be dropped unread: its failure is not "unhandled" (it is still thrown when awaited). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * The string value of the first `"key":` in a JSON text, found without parsing the text; undefined when
 * the text holds no such key followed by a string. It can be fooled (by a nested key of the same name, or
 * a duplicate key, of which JSON.parse keeps the last), which is why chainedPages checks it against the
 * parsed page. The first, not the last: Graph puts @odata.nextLink before the users, and V8's indexOf
 * skips through a text far faster than its lastIndexOf.
 */
export function peekJsonString(text: string, key: string): string | undefined {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) return undefined;
  let i = at + key.length + 2;
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  if (text[i] !== ':') return undefined;
  i++;
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  if (text[i] !== '"') return undefined;
  const start = i;
  for (i++; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') {
      try {
        return JSON.parse(text.slice(start, i + 1)) as string;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
