import { readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags';
import { LspSession } from './lsp-session';
import { flags } from './measure';

/**
 * One file in the language server, as an editor would open and edit it: the time from didOpen to its
 * diagnostics and their number, then one-character edits toggled at a position, each timed to its own
 * diagnostics, and the server's peak RSS. For a file that is slow to edit (docs/reliability.md):
 *
 *   npx tsx scripts/bench/lsp-file.ts <file> [--server dist/server.js] [--at line:character] [--edits 10]
 *
 * `--server` is a bundle (`npm run build` writes dist/server.js), started with the server's own flags.
 */
async function main(): Promise<void> {
  const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const args = flags(process.argv.slice(2));
  if (!file) throw new Error('usage: lsp-file.ts <file> [--server dist/server.js] [--at line:character] [--edits n]');
  const server = args.get('server') ?? 'dist/server.js';
  const [line, character] = (args.get('at') ?? '0:0').split(':').map(Number);
  const edits = Number(args.get('edits') ?? 10);
  const uri = pathToFileURL(path.resolve(file)).href;
  const text = readFileSync(file, 'utf8');
  const session = LspSession.start('usersync', [...SERVER_NODE_FLAGS, server, '--stdio']);
  try {
    await session.initialize(null, { trusted: false });
    const open = await session.open(uri, file.endsWith('.yaml') ? 'usersync-yaml' : 'usersync', text, 60_000);
    const count = session.published.filter((p) => p.uri === uri).at(-1)?.count;
    console.log(`open ${open.toFixed(0)} ms, ${count} diagnostics`);
    const times: number[] = [];
    for (let v = 2; v < 2 + edits; v++) {
      const insert = v % 2 === 0;
      times.push(await session.edit(uri, v, { line, character }, insert ? 0 : 1, insert ? 'x' : '', 60_000));
    }
    console.log(`edits at ${line}:${character}: ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
    console.log(`peak RSS ${session.peakRssMiB().toFixed(1)} MiB`);
  } finally {
    await session.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
