import { readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags';
import { LspSession } from './lsp-session';
import { flags, ms, table } from './measure';

/**
 * Every request of the language server on one file, timed: the whole-document features (symbols,
 * folding, semantic tokens, links, code lenses, inlay hints, formatting, code actions) and the
 * position features (hover, completion, signature help) at positions spread over the file. For finding
 * a feature that does not scale with the size of a file (docs/benchmarks.md):
 *
 *   npx tsx scripts/bench/lsp-features.ts <file> [--server dist/server.js] [--positions 20]
 */
async function main(): Promise<void> {
  const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const args = flags(process.argv.slice(2));
  if (!file) throw new Error('usage: lsp-features.ts <file> [--server dist/server.js] [--positions n]');
  const server = args.get('server') ?? 'dist/server.js';
  const positions = Number(args.get('positions') ?? 20);
  const uri = pathToFileURL(path.resolve(file)).href;
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const session = LspSession.start('usersync', [...SERVER_NODE_FLAGS, server, '--stdio']);
  const rows: string[][] = [];
  const size = (r: unknown): string =>
    Array.isArray(r)
      ? `${r.length} items`
      : r && typeof r === 'object'
        ? `${JSON.stringify(r).length} bytes`
        : String(r);
  try {
    await session.initialize(null, { trusted: false });
    const open = await session.open(uri, file.endsWith('.yaml') ? 'usersync-yaml' : 'usersync', text, 60_000);
    rows.push(['open → diagnostics', ms(open), `${session.published.at(-1)?.count ?? 0} diagnostics`]);
    const doc = { textDocument: { uri } };
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const documentRequests: [string, unknown][] = [
      ['textDocument/documentSymbol', doc],
      ['textDocument/foldingRange', doc],
      ['textDocument/semanticTokens/full', doc],
      ['textDocument/documentLink', doc],
      ['textDocument/codeLens', doc],
      ['textDocument/inlayHint', { ...doc, range: whole }],
      ['textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: [] } }],
    ];
    for (const [method, params] of documentRequests) {
      const { ms: t, result } = await session.request<unknown>(method, params);
      rows.push([method, ms(t), size(result)]);
    }
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/signatureHelp']) {
      const times: number[] = [];
      for (let i = 0; i < positions; i++) {
        const line = Math.floor(((i + 0.5) * lines.length) / positions);
        const character = Math.floor(lines[line].length / 2);
        times.push((await session.request<unknown>(method, { ...doc, position: { line, character } })).ms);
      }
      times.sort((a, b) => a - b);
      rows.push([
        method,
        `max ${ms(times[times.length - 1])}`,
        `${positions} positions, median ${ms(times[times.length >> 1])}`,
      ]);
    }
    console.log(table(['request', 'time', 'result'], rows));
    console.log(`\npeak RSS ${session.peakRssMiB().toFixed(1)} MiB`);
  } finally {
    await session.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
