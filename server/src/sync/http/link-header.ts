/**
 * RFC 8288 Link header parsing, enough for Okta paging (api-facts.md §2):
 * `<https://x/api/v1/users?after=a&limit=200>; rel="next", <…>; rel="self"`.
 * Several Link headers arrive joined with ", "; URLs are inside <>, so commas in them do not split.
 */
export interface Link {
  url: string;
  rel: string[];
}

export function parseLinkHeader(header: string | undefined): Link[] {
  if (!header) return [];
  const links: Link[] = [];
  const re = /<([^>]*)>((?:\s*;\s*[^;,]+(?:=(?:"[^"]*"|[^;,]*))?)*)/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const rel: string[] = [];
    const params = /;\s*([^=;,\s]+)\s*(?:=\s*(?:"([^"]*)"|([^;,]*)))?/g;
    for (let p = params.exec(m[2]); p; p = params.exec(m[2])) {
      if (p[1].toLowerCase() === 'rel') rel.push(...(p[2] ?? p[3] ?? '').trim().toLowerCase().split(/\s+/));
    }
    links.push({ url: m[1].trim(), rel });
  }
  return links;
}

/** The URL of the rel="next" link, resolved against the URL of the response that carried it. */
export function nextLink(header: string | undefined, base: string): string | undefined {
  const link = parseLinkHeader(header).find((l) => l.rel.includes('next'));
  return link ? new URL(link.url, base).toString() : undefined;
}
