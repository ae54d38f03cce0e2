// Entry point of the extension-host suite (extensionTestsPath): code-server (cs-devtest.js) and
// @vscode/test-electron (run-electron.js) both call run(). Writes "N passed, N failed" and a line per test
// to $E2E_RESULT_FILE when set (the browser cannot return an exit code).
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const resultFile = process.env.E2E_RESULT_FILE;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  const only = process.env.E2E_GREP;
  if (only) mocha.grep(only);
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const lines = [];
    const runner = mocha.run((failures) => {
      const summary = `${runner.stats.passes} passed, ${runner.stats.failures} failed`;
      if (resultFile) fs.writeFileSync(resultFile, [...lines, summary].join('\n') + '\n');
      failures ? reject(new Error(`${failures} failed`)) : resolve();
    });
    runner.on('pass', (t) => lines.push(`PASS ${t.fullTitle()} (${t.duration} ms)`));
    runner.on('fail', (t, e) =>
      lines.push(
        `FAIL ${t.fullTitle()}: ${String(e && e.message)
          .split('\n')
          .slice(0, 6)
          .join(' | ')}`,
      ),
    );
  });
};
