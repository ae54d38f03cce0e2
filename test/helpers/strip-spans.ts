/** The model without positions: what "the same document" means for round-trip laws. */
export function stripSpans(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      key === 'span' || key.endsWith('Span') || key === 'text' || key === 'uri' || key === 'form' ? undefined : v,
    ),
  );
}
