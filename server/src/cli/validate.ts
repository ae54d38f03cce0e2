import { Command, Option } from 'commander';
import { checkDocument } from '../check';
import { placedConnectors } from '../check/shared-targets';
import { sharedTargetKeysOfFiles } from '../check/shared-targets-across-files';
import { parseDocument } from '../parse';
import { humanLine, summaryLine } from './output/diagnostics-human';
import { diagnosticsJson } from './output/diagnostics-json';
import { locate, type FileDiagnostic } from './output/diagnostics-locate';
import { printer } from './output/printer';
import { readSourceFiles } from './read-source';

/**
 * `usersync validate <files...> [--format json]`: every syntax error and check finding, as
 * `file:line:col severity code message` lines (a summary on stderr) or one JSON array. A folder stands
 * for the usersync files below it; keys that connectors of two of the files write to one target are reported in
 * both (information). Exit 1 when any error was found, 2 when a file could not be read
 * (or a folder holds none), 0 otherwise.
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check .usersync and .usersync.yaml files and list the problems')
    .argument('<files...>', 'the files to check, or folders to search for them')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((files: string[], opts: { format: 'text' | 'json' }) => {
      const p = printer((t) => t);
      const found: FileDiagnostic[] = [];
      const { sources, unreadable } = readSourceFiles(files, p.err);
      const parsed = sources.map(({ file, text }) => ({ file, text, ...parseDocument(text, file) }));
      const placed = parsed.map((f) => placedConnectors(f.document));
      const across = sharedTargetKeysOfFiles(
        parsed.map((f, i) => ({ label: f.file, text: f.text, connectors: placed[i] })),
      );
      parsed.forEach(({ file, text, document, errors }, i) => {
        const all = [...checkDocument(document, errors), ...across[i]].sort((a, b) => a.span.start - b.span.start);
        found.push(...locate(file, text, all));
      });
      if (opts.format === 'json') p.out(diagnosticsJson(found));
      else {
        for (const d of found) p.out(humanLine(d));
        const read = sources.length;
        const notRead = unreadable > 0 ? `${unreadable} ${unreadable === 1 ? 'file' : 'files'} not read` : '';
        p.err([read > 0 ? summaryLine(found, read) : '', notRead].filter((x) => x !== '').join('; '));
      }
      process.exitCode = unreadable > 0 ? 2 : found.some((d) => d.severity === 'error') ? 1 : 0;
    });
}
