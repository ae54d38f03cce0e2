// The esbuild options of the three bundles, shared by scripts/bundle.mjs and the benchmarks (which must
// measure the server exactly as it ships).
// better-sqlite3 stays external (native module); vscode is provided by the editor.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: process.env.USERSYNC_SOURCEMAP === '1',
  minify: process.env.USERSYNC_MINIFY === '1',
  logLevel: 'warning',
  external: ['vscode', 'better-sqlite3'],
};

/**
 * The language server is minified: V8 keeps a bundle's source text in memory and its size shows in the
 * process's resident memory (2.2 MB of source cost about 6 MiB more than 1.1 MB; docs/benchmarks-history.md).
 * The source map goes next to it for reading stack traces (`node --enable-source-maps`);
 * USERSYNC_MINIFY=0 keeps it readable for a CPU profile (`npm run bench:lsp -- --profile`).
 */
export function serverOptions(outfile) {
  return {
    ...common,
    entryPoints: ['server/src/lsp/main.ts'],
    outfile,
    minify: process.env.USERSYNC_MINIFY !== '0',
    sourcemap: 'external',
  };
}

export function cliOptions(outfile) {
  return { ...common, entryPoints: ['server/src/cli/main.ts'], outfile };
}

export function clientOptions(outfile) {
  return { ...common, entryPoints: ['client/src/extension.ts'], outfile };
}
