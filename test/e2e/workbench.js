// What the playwright drivers (ui.js, ui-restricted.js, cs-devtest.js) share: Debian's Chromium launched
// headless, the code-server URL that opens a folder with the extension under development, steps that record
// PASS/FAIL with a screenshot and go on, and the command palette.
'use strict';
const { chromium } = require('playwright-core');
const path = require('path');

const BASE = process.env.CS_BASE || 'http://127.0.0.1:8181';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** The workbench on `folder` with the extension at `ext` (plus more payload entries, e.g. extensionTestsPath). */
function workbenchUrl(ext, folder, more = []) {
  const authority = new URL(BASE).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${ext}`], ...more];
  return `${BASE}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Steps of one driver: a failed step is recorded with a screenshot and the remaining steps still run. */
class Steps {
  constructor(failDir, prefix) {
    this.failDir = failDir;
    this.prefix = prefix;
    this.results = [];
    this.page = undefined;
  }

  async step(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
      this.results.push(true);
      console.log(`PASS ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      this.results.push(false);
      console.log(`FAIL ${name}: ${String(e.message || e).split('\n')[0]}`);
      const shot = path.join(this.failDir, `${this.prefix}-failure-${this.results.length}.png`);
      await this.page?.screenshot({ path: shot }).catch(() => undefined);
      console.log(`     screenshot: ${shot}`);
    }
  }

  /** Runs the driver's main and prints "N passed, N failed"; exit code 1 when anything failed. */
  run(main, what) {
    return main()
      .catch((e) => {
        this.results.push(false);
        console.log(`FAIL ${what}: ${e.message}`);
      })
      .finally(() => {
        const passed = this.results.filter(Boolean).length;
        console.log(`${passed} passed, ${this.results.length - passed} failed`);
        process.exitCode = this.results.every(Boolean) ? 0 : 1;
      });
  }
}

/** Opens the command palette with `>text` typed in. */
async function palette(page, text) {
  // F1 on a quick input still closing (the previous step's) would toggle the palette shut again
  const open = page.locator('.quick-input-widget:visible');
  if (await open.count()) {
    await page.keyboard.press('Escape');
    await open.first().waitFor({ state: 'hidden', timeout: 5000 });
  }
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // The palette can close right after it opened, when focus moves (a tab click or a notification still
  // settling): once in a CI run of 2026-11-29 `fill` then waited 30 s for an input that never came back.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.fill(`>${text}`, { timeout: 10000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      if (await open.count()) {
        await page.keyboard.press('Escape');
        await open.first().waitFor({ state: 'hidden', timeout: 5000 });
      }
    }
  }
}

/** Runs a command from the palette by its title. */
async function command(page, title) {
  await palette(page, title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

module.exports = { BASE, launchChromium, workbenchUrl, Steps, palette, command };
