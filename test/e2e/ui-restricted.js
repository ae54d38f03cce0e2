// Workspace trust in the real workbench: a code-server with trust on, the folder opened and NOT trusted.
// In Restricted Mode the editing features (language server) work, and the engine commands neither run nor
// are offered. Prints one PASS/FAIL line per step and "N passed, N failed".
// usage: CS_BASE=http://127.0.0.1:PORT node test/e2e/ui-restricted.js <extensionPath> <workspaceFolder>
'use strict';
const os = require('os');
const { launchChromium, workbenchUrl, Steps, palette: openPalette } = require('./workbench');

const [ext, folder] = process.argv.slice(2);
const steps = new Steps(process.env.FAIL_DIR || os.tmpdir(), 'restricted');
const step = (name, fn) => steps.step(name, fn);
let page;

const palette = (text) => openPalette(page, text);

async function main() {
  const url = workbenchUrl(ext, folder);
  const browser = await launchChromium();
  try {
    page = steps.page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await step('the folder opens in Restricted Mode when its authors are not trusted', async () => {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      await page
        .locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust the authors/ })
        .first()
        .click({ timeout: 30000 });
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 15000 });
    });

    await step('diagnostics still appear (the language server runs)', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').fill('broken.usersync');
      const row = page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: /^broken\.usersync$/ }) });
      await row.first().click({ timeout: 10000 });
      await page
        .locator('.editor-instance .monaco-editor .view-overlays .squiggly-error')
        .first()
        .waitFor({ timeout: 30000 });
    });

    await step('the Run full sync lens refuses to run and says why', async () => {
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run full sync' }).first();
      await lens.click({ timeout: 30000 });
      await palette('Notifications: Show Notifications');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' })
        .first()
        .waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      await page
        .locator('.notifications-center .notification-list-item', { hasText: 'needs a trusted workspace' })
        .first()
        .waitFor({ timeout: 10000 });
      await page.keyboard.press('Escape');
    });

    await step('the engine commands are not offered in the command palette', async () => {
      await palette('UserSync: ');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'UserSync: Store secret' })
        .first()
        .waitFor({ timeout: 10000 });
      const offered = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      await page.keyboard.press('Escape');
      const engine = offered.filter((t) =>
        /Run full sync|Preview sync|Sync this user|Start sandbox|Roll back|Validate workspace|Show history|Show what a run wrote|Show what was written/.test(
          t,
        ),
      );
      if (engine.length > 0) throw new Error(`offered: ${engine.join(', ')}`);
    });
  } finally {
    await browser.close();
  }
}

steps.run(main, 'restricted run');
