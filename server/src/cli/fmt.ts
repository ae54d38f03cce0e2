import * as fs from 'fs';
import { Command } from 'commander';
import { formatText } from '../format/format-text';
import { CliError } from './cli-error';
import { humanLine } from './output/diagnostics-human';
import { locate, parseErrorFindings } from './output/diagnostics-locate';
import { printer } from './output/printer';
import { readSourceFiles } from './read-source';

/**
 * `usersync fmt [--check] <files...>`: rewrites each file in the canonical layout of its form
 * (`.usersync` or `.usersync.yaml`) and lists the files it changed. `--check` writes nothing and
 * lists the files that would change. A folder stands for the usersync files below it. A file with
 * syntax errors is left alone and its errors are printed. Exit 1 when a file has syntax errors or (with
 * --check) would change, 2 when one cannot be read (or a folder holds none), 0 otherwise.
 */
export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description('format .usersync and .usersync.yaml files in place')
    .argument('<files...>', 'the files to format, or folders to search for them')
    .option('--check', 'write nothing; list the files that are not formatted and exit 1 if any')
    .action((files: string[], opts: { check?: boolean }) => {
      const p = printer((t) => t);
      const { sources, unreadable } = readSourceFiles(files, p.err);
      let failed = 0;
      for (const { file, text } of sources) {
        const result = formatText(text, file);
        if (result.text === undefined) {
          for (const d of locate(file, text, parseErrorFindings(result.errors))) p.err(humanLine(d));
          p.err(`usersync: ${file}: not formatted, it has syntax errors`);
          failed++;
        } else if (result.text !== text) {
          if (opts.check) failed++;
          else write(file, result.text);
          p.out(file);
        }
      }
      process.exitCode = unreadable > 0 ? 2 : failed > 0 ? 1 : 0;
    });
}

function write(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
