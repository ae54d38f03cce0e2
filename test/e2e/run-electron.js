// The same extension-host suite on desktop VS Code, through @vscode/test-electron — for machines that can
// reach Microsoft's update server (this project's CI cannot: scripts/e2e.sh runs it in code-server instead).
// usage: npm run build && node test/e2e/run-electron.js [vscode-version]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const root = path.resolve(__dirname, '../..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-electron-'));
  const workspace = path.join(tmp, 'ws');
  fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, '.vscode', 'settings.json'),
    JSON.stringify(
      { 'usersync.confirmBeforeWrite': false, 'usersync.nodePath': process.execPath, 'files.autoSave': 'off' },
      null,
      2,
    ),
  );
  const resultFile = path.join(tmp, 'result.txt');
  try {
    await runTests({
      version: process.argv[2] || 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { E2E_RESULT_FILE: resultFile, E2E_ROOT: root },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        path.join(tmp, 'user'),
      ],
    });
  } finally {
    if (fs.existsSync(resultFile)) process.stdout.write(fs.readFileSync(resultFile, 'utf8'));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
