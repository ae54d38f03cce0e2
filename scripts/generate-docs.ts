/**
 * Writes the parts of docs/language.md and docs/operations.md that list what the code defines, so that the
 * docs cannot drift from it: settings per block type, connector options, target rules, custom attributes,
 * selectors, Graph navigations and per-user attributes, functions, cron presets, check codes, the grammar,
 * the keywords and the options of every CLI command.
 *
 * Each list lives in a marked region; everything outside the regions is hand-written and left alone:
 *
 *   <!-- generated:settings -->
 *   …written by this script…
 *   <!-- /generated:settings -->
 *
 * Usage: npx tsx scripts/generate-docs.ts [--check]
 * `--check` writes nothing and exits 1 when a file differs from what this script would write (CI runs it;
 * test/docs/*.test.ts runs it in-process). A region name this script does not know, a marker without its
 * partner, or a required region left out of a file is a problem: exit 1, and that file is not written.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Argument, Command, Option } from 'commander';
import { CODES, type CodeInfo } from '../server/src/check';
import { buildProgram } from '../server/src/cli/main';
import { CRON_PRESETS } from '../server/src/features/completion/cron-presets';
import { getCatalog } from '../server/src/model/catalogs/catalog';
import { describeCron } from '../server/src/model/cron';
import { FUNCTIONS } from '../server/src/model/functions/registry';
import type { FunctionDef } from '../server/src/model/functions/types';
import { SOURCE_TYPES, TARGET_TYPES, type TargetType } from '../server/src/model/model';
import { EXPANDED_NAVIGATIONS } from '../server/src/model/paths';
import {
  allowedReferences,
  BLOCK_SPECS,
  CONNECTOR_OPTIONS,
  type BlockSpec,
  type SettingSpec,
} from '../server/src/model/settings';
import {
  JIRA_ENTITY_KEY_MAX_BYTES,
  JIRA_PROPERTY_KEY,
  JIRA_PROPERTY_KEY_MAX,
  mapTargetsOf,
  profileFieldsOf,
  valueLimit,
  type JiraStore,
  type ValueLimit,
} from '../server/src/model/targets';
import { KEYWORDS } from '../server/src/syntax/tokens';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** The files this script keeps, and the regions each must contain. */
export interface DocFile {
  path: string;
  required: readonly string[];
}

export const DOC_FILES: readonly DocFile[] = [
  {
    path: 'docs/language.md',
    required: [
      'keywords',
      'grammar',
      'settings',
      'options',
      'target-rules',
      'custom-attributes',
      'selectors',
      'graph',
      'functions',
      'cron-presets',
      'checks',
      'cli:validate',
      'cli:fmt',
      'cli:convert',
    ],
  },
  {
    path: 'docs/operations.md',
    required: ['cli:preview', 'cli:run', 'cli:history', 'cli:rollback', 'cli:prune', 'cli:daemon'],
  },
];

// ---------------------------------------------------------------------------------------------- markdown

const code = (s: string): string => `\`${s}\``;
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

// ----------------------------------------------------------------------------------------------- regions

function keywords(): string {
  return KEYWORDS.map((t) => code((t.PATTERN as RegExp).source)).join(', ');
}

/** The grammar as the parser's own comment states it (server/src/syntax/parser.ts). */
function grammar(): string {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'server/src/syntax/parser.ts'), 'utf8');
  const rules = source
    .split('\n')
    .map((l) => /^ \* {3}(\w+\s+:=.*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
  return ['```', ...rules, '```'].join('\n');
}

function valueForm(spec: SettingSpec): string {
  const refs = allowedReferences(spec).map((r) => code(`${r}("…")`));
  switch (spec.kind) {
    case 'enum':
      return (spec.values ?? []).map(code).join(' or ');
    case 'file':
      return refs.join(', ');
    case 'secret':
      return `${refs.join(', ')} (a literal is warned about)`;
    case 'url':
      return `${code('"https://…"')} (http or https)`;
    default:
      return code('"…"');
  }
}

function requiredText(block: BlockSpec | undefined, spec: SettingSpec): string {
  if (spec.required) return 'yes';
  const group = block?.oneOf.find((g) => g.alternatives.some((a) => a.includes(spec.name)));
  if (group) return group.required ? 'one way (see below)' : 'no (see below)';
  return 'no';
}

function settingsTable(block: BlockSpec | undefined, specs: readonly SettingSpec[]): string {
  return table(
    [block ? 'Setting' : 'Option', 'Written as', 'Required', 'Default', 'What it is'],
    specs.map((s) => [
      code(s.name),
      valueForm(s),
      requiredText(block, s),
      s.default === undefined ? '' : code(s.default),
      s.doc,
    ]),
  );
}

function settings(): string {
  return BLOCK_SPECS.map((b) => {
    const groups = b.oneOf.map((g) => {
      const ways = g.alternatives.map((a) => a.map(code).join(' + ')).join(' or ');
      return `- ${g.required ? 'Exactly one of' : 'At most one of'} ${ways}: ${g.doc}`;
    });
    return [`### ${b.role} ${b.type}`, '', `**${b.title}.** ${b.doc}`, '', settingsTable(b, b.settings), '', ...groups]
      .join('\n')
      .trimEnd();
  }).join('\n\n');
}

function options(): string {
  return settingsTable(undefined, CONNECTOR_OPTIONS);
}

function limitText(limit: ValueLimit | undefined): string {
  if (!limit) return 'no limit';
  const over = limit.over === 'reject' ? 'longer values are rejected (the key is skipped)' : 'longer values are cut';
  return `at most ${limit.max} ${limit.unit}; ${over}`;
}

function keyRule(target: TargetType, store: JiraStore): string {
  if (target !== 'jira') return 'any non-empty key';
  if (store === 'entity') return `at most ${JIRA_ENTITY_KEY_MAX_BYTES} bytes`;
  return `letters, digits and spaces (${code(JIRA_PROPERTY_KEY.source)}), at most ${JIRA_PROPERTY_KEY_MAX} characters`;
}

function targetRules(): string {
  const rows: string[][] = [];
  for (const t of TARGET_TYPES) {
    const stores: JiraStore[] = t === 'jira' ? ['properties', 'entity'] : ['properties'];
    for (const store of stores) {
      const words = mapTargetsOf(t);
      const fields = profileFieldsOf(t);
      rows.push([
        t === 'jira' ? `${code('jira')}, ${code(`store = ${store}`)}` : code(t),
        words.map((w) => code(`map ${w}`)).join(', '),
        keyRule(t, store),
        limitText(valueLimit(t, 'property', store)),
        fields.length ? `${fields.map(code).join(', ')}: ${limitText(valueLimit(t, 'profile', store))}` : 'none',
      ]);
    }
  }
  return table(['Target', 'Mappings', 'Property keys', 'Property values', 'Profile fields'], rows);
}

function customAttributes(): string {
  const rows = SOURCE_TYPES.flatMap((idp) =>
    getCatalog(idp).customPatterns.map((p) => [
      code(idp),
      code(p.pattern),
      p.type,
      p.returnedByDefault === false ? 'no: usersync asks for it' : 'yes',
      p.description,
    ]),
  );
  return table(['Source', 'Form', 'Type', 'Returned by default', 'What the vendor says'], rows);
}

function selectors(): string {
  const rows = SOURCE_TYPES.flatMap((idp) =>
    getCatalog(idp)
      .attributes.filter((a) => a.isCollection && a.selectorKeys?.length)
      .map((a) => [code(idp), code(a.path), (a.selectorKeys ?? []).map(code).join(', ')]),
  );
  return table(['Source', 'List', 'Selector keys'], rows);
}

function graph(): string {
  const perUser = getCatalog('azure')
    .attributes.filter((a) => a.listSupported === false && !a.path.includes('.'))
    .map((a) => code(a.path));
  return [
    `- Navigation properties usersync reads (through ${code('$expand')}): ${EXPANDED_NAVIGATIONS.map(code).join(', ')}.`,
    `- Attributes Graph returns only per user (one extra request per user, ${code('per-user-attribute')}): ${perUser.join(', ')}.`,
  ].join('\n');
}

function arity(f: FunctionDef): string {
  if (f.maxArgs === Infinity) return `${f.minArgs} or more arguments`;
  if (f.minArgs === f.maxArgs) return `${f.minArgs} argument${f.minArgs === 1 ? '' : 's'}`;
  return `${f.minArgs} to ${f.maxArgs} arguments`;
}

function functions(): string {
  return [...FUNCTIONS.values()]
    .map((f) => {
      const params = f.params.map((p) => {
        const how = p.variadic ? ' (any number)' : p.optional ? ' (optional)' : '';
        return `- ${code(p.name)}${how}: ${p.doc}`;
      });
      return [`### ${f.name}`, '', `${code(f.signature)}: ${arity(f)}.`, '', ...params, '', f.doc].join('\n');
    })
    .join('\n\n');
}

function cronPresets(): string {
  return table(
    ['Schedule', 'Name', 'In words'],
    CRON_PRESETS.map((p) => [code(`"${p.cron}"`), p.label, describeCron(p.cron) ?? '']),
  );
}

const AREA_TITLES: Record<string, string> = {
  syntax: 'Syntax and the YAML form',
  connectors: 'Connectors',
  blocks: 'Sources, targets and their settings',
  secrets: 'Secrets',
  references: 'env, secret and file',
  attributes: 'Attribute paths',
  functions: 'Functions',
  mappings: 'Mappings',
  match: 'Match',
  schedule: 'Schedule',
  options: 'Connector options',
  users: 'Pinned users',
};

function checks(): string {
  const areas: string[] = [];
  for (const c of CODES) if (!areas.includes(c.area)) areas.push(c.area);
  return areas
    .map((area) => {
      const rows = (CODES as readonly CodeInfo[])
        .filter((c) => c.area === area)
        .map((c) => [code(c.code), c.severity, c.summary]);
      return [`### ${AREA_TITLES[area] ?? area}`, '', table(['Code', 'Severity', 'What it finds'], rows)].join('\n');
    })
    .join('\n\n');
}

function optionRow(o: Option): string[] {
  const extra: string[] = [];
  if (o.argChoices) extra.push(`one of ${o.argChoices.map(code).join(', ')}`);
  if (o.defaultValue !== undefined) extra.push(`default ${code(String(o.defaultValue))}`);
  if (o.mandatory) extra.push('required');
  return [code(o.flags), [o.description, ...extra].filter((s) => s !== '').join('; ')];
}

function cliCommand(name: string): string | undefined {
  const cmd = buildProgram().commands.find((c: Command) => c.name() === name);
  if (!cmd) return undefined;
  const arg = (a: Argument): string => {
    const text = `${a.name()}${a.variadic ? '...' : ''}`;
    return a.required ? `<${text}>` : `[${text}]`;
  };
  const usage = ['usersync', name, '[options]', ...cmd.registeredArguments.map(arg)].join(' ');
  const lines = [`${code(usage)}: ${cmd.description()}.`, ''];
  const rows = [
    ...cmd.registeredArguments.map((a) => [code(arg(a)), a.description]),
    ...cmd.options.filter((o) => !o.hidden).map(optionRow),
  ];
  lines.push(table(['Argument or option', 'Meaning'], rows));
  return lines.join('\n');
}

const REGIONS: Record<string, () => string> = {
  keywords,
  grammar,
  settings,
  options,
  'target-rules': targetRules,
  'custom-attributes': customAttributes,
  selectors,
  graph,
  functions,
  'cron-presets': cronPresets,
  checks,
};

/** The text of a region, or undefined for a name this script does not know. `cli:<command>` for any command. */
export function renderRegion(name: string): string | undefined {
  if (name.startsWith('cli:')) return cliCommand(name.slice(4));
  return REGIONS[name]?.();
}

// ------------------------------------------------------------------------------------------------ markers

export interface FillResult {
  text: string;
  /** Region names in the order they appear. */
  regions: string[];
  problems: string[];
}

const OPEN = /^<!-- generated:([a-z0-9:-]+) -->$/;
const CLOSE = /^<!-- \/generated:([a-z0-9:-]+) -->$/;

/** Replaces the body of every region with `render(name)`; text outside the regions is kept byte for byte. */
export function fillRegions(text: string, render: (name: string) => string | undefined = renderRegion): FillResult {
  const lines = text.split('\n');
  const out: string[] = [];
  const regions: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const closing = CLOSE.exec(lines[i]);
    if (closing) problems.push(`line ${i + 1}: closing marker of '${closing[1]}' without its opening marker`);
    const open = OPEN.exec(lines[i]);
    out.push(lines[i]);
    if (!open) continue;
    const name = open[1];
    const end = lines.findIndex((l, k) => k > i && (CLOSE.exec(l)?.[1] === name || OPEN.test(l)));
    if (end < 0 || OPEN.test(lines[end])) {
      problems.push(`line ${i + 1}: region '${name}' is not closed with <!-- /generated:${name} -->`);
      continue;
    }
    const body = render(name);
    if (body === undefined) {
      problems.push(`line ${i + 1}: no region '${name}' (known: ${Object.keys(REGIONS).join(', ')}, cli:<command>)`);
      out.push(...lines.slice(i + 1, end + 1));
    } else {
      out.push(...body.trimEnd().split('\n'), lines[end]);
    }
    regions.push(name);
    i = end;
  }
  return { text: out.join('\n'), regions, problems };
}

export interface DocStatus {
  file: string;
  /** What the file should hold; undefined when it cannot be read. */
  expected?: string;
  stale: boolean;
  problems: string[];
}

export function docStatus(doc: DocFile, root: string = REPO_ROOT): DocStatus {
  const file = path.join(root, doc.path);
  let current: string;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { file: doc.path, stale: true, problems: [`cannot read: ${(e as NodeJS.ErrnoException).code}`] };
  }
  const filled = fillRegions(current);
  const missing = doc.required.filter((r) => !filled.regions.includes(r));
  const problems = [...filled.problems, ...missing.map((r) => `region '${r}' is missing`)];
  return { file: doc.path, expected: filled.text, stale: filled.text !== current, problems };
}

export function main(argv: string[], options: { root?: string; log?: (line: string) => void } = {}): number {
  const log = options.log ?? ((line: string) => console.error(line));
  const check = argv.includes('--check');
  let code = 0;
  for (const doc of DOC_FILES) {
    const status = docStatus(doc, options.root);
    for (const p of status.problems) log(`generate-docs: ${doc.path}: ${p}`);
    if (status.problems.length > 0) {
      code = 1;
      continue;
    }
    if (!status.stale) continue;
    if (check) {
      log(`generate-docs: ${doc.path} is out of date: run \`npx tsx scripts/generate-docs.ts\``);
      code = 1;
    } else {
      fs.writeFileSync(path.join(options.root ?? REPO_ROOT, doc.path), status.expected ?? '');
      log(`generate-docs: wrote ${doc.path}`);
    }
  }
  return code;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
