// Runs the mocha suite (test/e2e/suite/index.js) inside code-server's Node extension host, the way
// @vscode/test-electron does on a desktop: the workbench opens with extensionDevelopmentPath and
// extensionTestsPath in its payload (honoured only with --vscode-option enable-smoke-test-driver). The browser
// cannot return an exit code, so the suite writes "N passed, N failed" and one line per test to
// $E2E_RESULT_FILE; this script prints that file and exits 0 only when nothing failed.
// usage: CS_BASE=http://127.0.0.1:PORT E2E_RESULT_FILE=... node cs-devtest.js <extensionPath> <suiteIndex.js> <workspaceFolder>
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const { BASE, launchChromium, workbenchUrl } = require('./workbench');

const [ext, tests, folder] = process.argv.slice(2);
const resultFile = process.env.E2E_RESULT_FILE;
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 240000);

async function main() {
  fs.rmSync(resultFile, { force: true });
  const url = workbenchUrl(ext, folder, [['extensionTestsPath', `vscode-remote://${new URL(BASE).host}${tests}`]]);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => {
      const t = m.text();
      // the workbench's own errors about the extension (activation failures, crashes); the suite reports the rest
      if (m.type() === 'error' && /usersync/i.test(t) && !/ENOTFOUND|gallery/i.test(t))
        console.log('[page]', t.slice(0, 300));
    });
    await page.goto(url);
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(resultFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    // the suite writes the file in one go, but give a slow disk a moment
    await new Promise((r) => setTimeout(r, 200));
    if (!fs.existsSync(resultFile)) {
      await page
        .screenshot({ path: path.join(process.env.SHOT_DIR || os.tmpdir(), 'extension-timeout.png') })
        .catch(() => undefined);
      console.error(`no result after ${timeoutMs / 1000} s (did the suite run? see the code-server log)`);
      return 2;
    }
  } finally {
    await browser.close();
  }
  const out = fs.readFileSync(resultFile, 'utf8');
  process.stdout.write(out);
  return /^\d+ passed, 0 failed$/m.test(out) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
