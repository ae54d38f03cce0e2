import { checkDocument } from '../check';
import type { Diagnostic } from '../check/diagnostic';
import type { Document, ParseError } from '../model/model';
import { DocumentAnalysis } from './analysis/document-analysis';
import { complete } from './completion/complete';
import { hover } from './hover/hover';

/**
 * Runs the language core over a document of every source type before the first real document
 * arrives, so that V8 has compiled the parser, the checks and completion with optimizing code: the
 * first open-to-diagnostics then costs what later ones cost. It goes through the same path as an open
 * (split into chunks, parse, check, assemble) on copies of the connectors: V8 optimizes a
 * function only after many calls, and a 3-connector document run many times left the first open of a
 * large file as slow as with no warm-up at all (docs/benchmarks-history.md). The connectors hold every kind of
 * item, setting value, function and expression the language has, plus comments, so that the first real
 * document meets no code path V8 has not seen yet (the open's main-thread CPU went 87–90 → 79–85 ms when
 * comments, options, secret(), profile fields, literals and the other functions were added). Returns the
 * errors and warnings found (none).
 */
const SOURCES = {
  azure: ['tenant = "t"', 'client_id = "c"', 'client_secret = env("S")', 'filter = "accountEnabled eq true"'],
  okta: ['org_url = "https://example.okta.com"', 'token = secret("okta-token")'],
  google: ['service_account_key = file("k.json")', 'admin_email = "admin@example.com"'],
};
const TARGETS = {
  azure: ['target jira {', '  url = "https://jira.example.com"', '  token = env("J")', '  store = properties', '}'],
  okta: ['target confluence {', '  url = "https://wiki.example.com"', '  token = secret("wiki-pat")', '}'],
  google: ['target jira {', '  url = "https://jira.example.com"', '  token = env("J")', '}'],
};
const MATCHES = { azure: 'lower(userPrincipalName)', okta: 'profile.login', google: 'primaryEmail' };
/** Every function and every kind of expression (path, member, index, selector, string), spread over the sources. */
const PATHS = {
  azure: [
    'department',
    'manager.mail',
    'substring(onPremisesExtensionAttributes.extensionAttribute1, "0", "250")',
    'first(mobilePhone, businessPhones[0])',
    'guest_email(userPrincipalName)',
  ],
  okta: ['profile.title', 'join(", ", profile.city, profile.countryCode)', 'upper(profile.countryCode)', '"Contoso"'],
  google: [
    'organizations[primary=true].title',
    'phones[type=work].value',
    'replace(relations[type=manager].value, "@.*", "")',
    'trim(strip_domain(primaryEmail))',
  ],
};
/** Confluence's profile fields, mapped by the Okta connector before its properties. */
const PROFILE = ['position', 'location'];

export function warmUpText(): string {
  return Object.entries(SOURCES)
    .map(([type, settings]) => {
      const source = type as keyof typeof PATHS;
      const maps = PATHS[source].map((p, j) => {
        const left = source === 'okta' && j < PROFILE.length ? `profile ${PROFILE[j]}` : `property "P${j}"`;
        return `  map ${left} = ${p}`;
      });
      return [
        `# ${type} users`,
        `connector warm_${type} {`,
        `  source ${type} {\n${settings.map((s) => `    ${s}`).join('\n')}\n  }`,
        ...TARGETS[source].map((l) => `  ${l}`),
        `  match username = ${MATCHES[source]}`,
        `  schedule "0 */6 * * *"`,
        '  on_empty = keep',
        '  clear_guard = "10%"',
        '  # mappings',
        ...maps,
        `  user "someone@example.com"`,
        `}`,
      ].join('\n');
    })
    .join('\n\n');
}

/** How many copies of the warm-up connectors the server warms up on (60 connectors, about 1,400 lines). */
export const WARM_UP_COPIES = 20;

/** `copies` copies of the warm-up connectors under distinct names: one document of about 70 lines per copy. */
export function warmUpDocumentText(copies: number): string {
  const one = warmUpText();
  return Array.from({ length: copies }, (_, i) => one.replace(/warm_/g, `warm${i}_`)).join('\n\n');
}

/**
 * How many more times the last round's model is checked. V8 optimizes the checks only after many calls; a
 * first open after 100 such rounds took 64–71 ms of main-thread CPU against 75–77 without (`bench:lsp --ours-only`),
 * for about 160 ms more warm-up and 0.5 MiB more RSS before the open.
 */
export const WARM_UP_CHECK_ROUNDS = 100;

export function warmUp(
  text = warmUpDocumentText(WARM_UP_COPIES),
  rounds = 3,
  checkRounds = WARM_UP_CHECK_ROUNDS,
): number {
  const checker = (document: Document, errors: readonly ParseError[]): Diagnostic[] => checkDocument(document, errors);
  const at = text.indexOf('manager.') + 'manager.'.length;
  let found = 0;
  let last: DocumentAnalysis | undefined;
  for (let round = 0; round < rounds; round++) {
    // a new string each round, as an edited document is, so that no chunk is reused
    const analysis = DocumentAnalysis.open('warm-up.usersync', `${text}\n# ${round}`, round);
    for (let i = 0; i < analysis.chunkCount; i++) analysis.checkChunk(i, checker, 0);
    const diagnostics = analysis.diagnostics(checker, 0);
    found = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').length;
    const piece = analysis.pieceAt(at);
    complete(piece.document, at - piece.base);
    hover(piece.document, at - piece.base - 2);
    last = analysis;
  }
  // each generation checks the last model again; parsing is not repeated (more parse rounds slowed the open)
  for (let g = 1; last && g <= checkRounds; g++)
    for (let i = 0; i < last.chunkCount; i++) last.checkChunk(i, checker, g);
  return found;
}
