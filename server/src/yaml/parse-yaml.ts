import { Composer, isMap, Parser, type CST } from 'yaml';
import type { Connector, Document, ParseError, ParseResult } from '../model/model';
import { withoutErrorStacks } from '../syntax/without-stacks';
import { readConnector } from './read-connector';
import { keepModelBefore, limitYamlErrors, TOO_MANY_ERRORS } from './error-limit';
import { attachYamlComments } from './yaml-comments';
import { lexYaml, MAX_FLOW_DEPTH } from './yaml-lexemes';
import { keyOf, mapPairs, pairSpan, report, wrongType, type YamlContext } from './yaml-nodes';

/**
 * What a YAML text is: a whole document, or a piece of one that holds only more entries of its
 * `connectors` mapping, at their own indentation (the editor reads a long file connector by connector:
 * features/analysis/split-yaml-chunks.ts).
 */
export type YamlPart = 'document' | 'connectors';

/**
 * Text → model for the YAML form (`*.usersync.yaml`). Builds the same model as `.usersync` with
 * spans on the YAML text. Never throws: YAML syntax errors, wrong shapes and unknown keys come
 * back as errors, and duplicate keys are kept as duplicate items for the checks to report.
 */
export function parseYaml(text: string, uri: string, part: YamlPart = 'document'): ParseResult {
  const document: Document = { form: 'yaml', uri, text, connectors: [], dangling: [] };
  const ctx: YamlContext = { text, errors: [], extents: new Map() };
  try {
    const lexed = lexYaml(text);
    if ('tooDeep' in lexed) {
      report(ctx, 'yaml-syntax', `flow collections ({ } and [ ]) nest at most ${MAX_FLOW_DEPTH} deep`, lexed.tooDeep);
      return { document, errors: ctx.errors };
    }
    const { tokens, docs } = withoutErrorStacks(() => {
      const parser = new Parser();
      const tokens: CST.Token[] = [];
      for (const lexeme of lexed.lexemes) for (const token of parser.next(lexeme)) tokens.push(token);
      for (const token of parser.end()) tokens.push(token);
      const composer = new Composer({ schema: 'failsafe', uniqueKeys: false, keepSourceTokens: true });
      return { tokens, docs: [...composer.compose(tokens)] };
    });
    if (docs[0])
      document.connectors =
        part === 'document' ? readTop(ctx, docs[0].contents) : readConnectors(ctx, docs[0].contents, 0);
    const { kept, cut } = limitYamlErrors(docs.flatMap((d) => d.errors));
    if (cut !== undefined) {
      keepModelBefore(document, cut);
      ctx.errors = ctx.errors.filter((e) => e.span.start < cut);
      report(ctx, 'too-many-errors', TOO_MANY_ERRORS, { start: cut, end: cut + 1 });
    }
    for (const e of kept) {
      report(ctx, 'yaml-syntax', e.message.split('\n')[0], { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) });
    }
    if (docs.length > 1 && (cut === undefined || docs[1].range[0] < cut))
      report(ctx, 'yaml-syntax', 'a usersync file holds one YAML document; remove the second one', {
        start: docs[1].range[0],
        end: docs[1].range[1],
      });
    attachYamlComments(document, tokens, ctx.extents);
  } catch (e) {
    report(ctx, 'internal-error', `could not read this YAML: ${(e as Error).message}`, { start: 0, end: text.length });
  }
  return { document, errors: ctx.errors.sort((a, b) => a.span.start - b.span.start) as ParseError[] };
}

function readTop(ctx: YamlContext, contents: unknown): Connector[] {
  if (contents !== null && !isMap(contents)) {
    wrongType(ctx, contents, "a mapping with a 'connectors' key", 'at the top level', 0);
    return [];
  }
  const connectors: Connector[] = [];
  for (const pair of mapPairs(ctx, contents, 'at the top level', 0)) {
    const key = keyOf(ctx, pair, 0);
    if (!key) continue;
    if (key.name !== 'connectors') {
      report(ctx, 'yaml-unknown-key', `unknown key '${key.name}': the top level holds only 'connectors'`, key.span);
      continue;
    }
    connectors.push(...readConnectors(ctx, pair.value, pairSpan(pair, key.span.start).end));
  }
  return connectors;
}

function readConnectors(ctx: YamlContext, value: unknown, fallback: number): Connector[] {
  const connectors: Connector[] = [];
  for (const entry of mapPairs(ctx, value, "under 'connectors'", fallback)) {
    const connector = readConnector(ctx, entry);
    if (connector) connectors.push(connector);
  }
  return connectors;
}
