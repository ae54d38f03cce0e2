import * as fs from 'fs';
import { Command, Option } from 'commander';
import type { DocumentForm } from '../model/model';
import { isYamlUri } from '../parse';
import { convert } from '../yaml/convert';
import { CliError } from './cli-error';
import { humanLine } from './output/diagnostics-human';
import { locate, parseErrorFindings } from './output/diagnostics-locate';
import { printer } from './output/printer';
import { readSourceFile } from './read-source';

/**
 * `usersync convert <file> [--to yaml|usersync] [--out FILE]`: the same connectors in the other form (or the
 * one `--to` names), comments kept, printed to stdout or written to FILE. A file with syntax errors, or with
 * names the other form cannot spell, is refused with its errors (exit 1).
 */
export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description('convert between the .usersync and the YAML form')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .addOption(
      new Option('--to <form>', 'the form to write (default: the form the file is not in)').choices([
        'yaml',
        'usersync',
      ]),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .action((file: string, opts: { to?: DocumentForm; out?: string }) => {
      const p = printer((t) => t);
      const text = readSourceFile(file);
      const result = convert(text, file, opts.to ?? (isYamlUri(file) ? 'usersync' : 'yaml'));
      if (result.text === undefined) {
        for (const d of locate(file, text, parseErrorFindings(result.errors))) p.err(humanLine(d));
        p.err(`usersync: ${file}: not converted`);
        process.exitCode = 1;
        return;
      }
      if (opts.out === undefined) process.stdout.write(result.text);
      else {
        try {
          fs.writeFileSync(opts.out, result.text, 'utf8');
        } catch (e) {
          throw new CliError(`${opts.out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
      }
      process.exitCode = 0;
    });
}
