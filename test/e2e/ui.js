// Clicks through the real workbench (code-server + Chromium via playwright-core) like a user: a squiggle and
// its hover on a broken file, the completion list after `map profile `, Start sandbox from the command palette,
// the "Sync this user" code lens and its result in the status bar and notifications, the preview view.
// Screenshots go to $SHOT_DIR (docs/images): diagnostics.png, completion.png, sync-user.png, preview.png.
// Prints one PASS/FAIL line per step and "N passed, N failed"; exit 1 when a step failed.
// usage: CS_BASE=http://127.0.0.1:PORT SHOT_DIR=docs/images node test/e2e/ui.js <extensionPath> <workspaceFolder>
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launchChromium, workbenchUrl, Steps, command: runCommand } = require('./workbench');

const SHOTS = process.env.SHOT_DIR || path.join(os.tmpdir(), 'usersync-shots');
const [ext, folder] = process.argv.slice(2);
const steps = new Steps(process.env.FAIL_DIR || os.tmpdir(), 'ui');
const step = (name, fn) => steps.step(name, fn);
let page;

const command = (title) => runCommand(page, title);

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(name);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) });
  await row.first().waitFor({ timeout: 10000 });
  await row.first().click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15000 });
}

/** Puts the cursor at the end of the first line of the active editor that contains `text` (through Find). */
async function goToLineEnd(text) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page
    .locator('.editor-instance .find-widget.visible textarea, .editor-instance .find-widget.visible input')
    .first();
  await find.waitFor({ timeout: 5000 });
  await find.fill(text);
  await page
    .locator('.editor-instance .find-widget.visible .matchesCount', { hasText: /^1 of/ })
    .waitFor({ timeout: 5000 });
  await page.keyboard.press('Escape'); // closes Find and leaves the match selected
  await page.keyboard.press('End');
}

async function notificationCenterText(needle, timeout) {
  // with the smoke-test driver on, toasts go to the notification center only
  const item = page.locator('.notifications-center .notification-list-item', { hasText: needle });
  if (!(await page.locator('.notifications-center.visible').count()))
    await command('Notifications: Show Notifications');
  await item.first().waitFor({ timeout });
  return (await item.first().innerText()).replace(/\s+/g, ' ');
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const url = workbenchUrl(ext, folder);
  const browser = await launchChromium();
  try {
    page = steps.page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await step('the workbench loads with the extension', async () => {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30000 });
    });

    await step('a broken file gets a squiggle with a hover', async () => {
      await openFile('broken.usersync');
      const squiggle = page.locator('.editor-instance .monaco-editor .view-overlays .squiggly-error').first();
      await squiggle.waitFor({ timeout: 30000 });
      // hover() would scroll the virtualized editor itself; move the mouse onto the squiggle's box instead.
      // A move that lands while the editor is still laying out shows no hover: move off and on again, 3 tries.
      const hover = page.locator('.monaco-hover:visible', { hasText: /departmnt|attribute/i }).first();
      for (let attempt = 1; ; attempt++) {
        const box = await squiggle.boundingBox();
        if (!box) throw new Error('the squiggle has no box on screen');
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        try {
          await hover.waitFor({ timeout: 6000 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
          await page.mouse.move(5, 5);
        }
      }
      await page.screenshot({ path: path.join(SHOTS, 'diagnostics.png') });
      await page.mouse.move(5, 5);
    });

    await step('completion after `map profile ` lists the Confluence profile fields', async () => {
      await openFile('wiki.usersync');
      await goToLineEnd('map profile position');
      await page.keyboard.press('Enter');
      await page.keyboard.type('map profile ');
      await page.keyboard.press('Control+Space');
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'website' });
      await row.first().waitFor({ timeout: 20000 });
      await page.screenshot({ path: path.join(SHOTS, 'completion.png') });
      await page.keyboard.press('Escape');
      await command('File: Revert File');
    });

    await step('Start sandbox from the command palette opens sandbox.usersync', async () => {
      await command('UserSync: Start sandbox');
      await page.locator('.tabs-container .tab.active', { hasText: 'sandbox.usersync' }).waitFor({ timeout: 60000 });
    });

    await step('the "Sync this user" lens syncs the user and the status bar shows it', async () => {
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Sync this user' }).first();
      await lens.waitFor({ timeout: 30000 });
      await lens.click();
      const status = page.locator('.statusbar-item', { hasText: /UserSync: 1 user updated/ });
      await status.first().waitFor({ timeout: 60000 });
      const note = await notificationCenterText('1 user updated', 10000);
      if (!/sandbox_azure_jira/.test(note)) throw new Error(`notification: ${note}`);
      await page.waitForTimeout(300); // let the command palette fade out
      await page.screenshot({ path: path.join(SHOTS, 'sync-user.png') });
      await page.keyboard.press('Escape');
    });

    await step("the connector's Preview lens opens the preview view with an Apply button", async () => {
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Preview$/ }).first();
      await lens.waitFor({ timeout: 10000 });
      await lens.click();
      const view = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
      await view.locator('#apply').waitFor({ timeout: 60000 });
      await view.locator('#count', { hasText: /^[1-9]\d* of \d+$/ }).waitFor({ timeout: 5000 });
      await view.locator('#filter').fill('nobody-matches-this');
      await view.locator('#count', { hasText: /^0 of / }).waitFor({ timeout: 5000 });
      await view.locator('#filter').fill('');
      await page.screenshot({ path: path.join(SHOTS, 'preview.png') });
    });

    await step('Apply in the preview view writes the plan', async () => {
      const view = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
      await view.locator('#apply').click();
      await page
        .locator('.statusbar-item', { hasText: /UserSync: \d+ users updated/ })
        .first()
        .waitFor({ timeout: 60000 });
      await view.locator('#applied', { hasText: /users updated/ }).waitFor({ timeout: 10000 });
      if (!(await view.locator('#apply').isDisabled())) throw new Error('Apply stays enabled after writing');
    });

    await step('Run full sync from the palette asks which connector, then syncs it', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'sandbox.usersync' }).first().click();
      await command('UserSync: Run full sync');
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'sandbox_okta_confluence' });
      await pick.first().waitFor({ timeout: 10000 });
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'All connectors' })
        .first()
        .waitFor({ timeout: 1000 });
      await pick.first().click();
      await notificationCenterText(/sandbox_okta_confluence — \d+ users updated/, 60000);
      await page.keyboard.press('Escape');
    });

    await step('Roll back a run from the palette offers the runs, newest first', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'sandbox.usersync' }).first().click();
      await command('UserSync: Roll back a run');
      const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: /#\d+ sandbox_/ });
      await rows.first().waitFor({ timeout: 20000 });
      const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
      if (!/#\d+ sandbox_okta_confluence/.test(first)) throw new Error(`newest run: ${first}`);
      await page.screenshot({ path: path.join(SHOTS, 'rollback-pick.png') });
      await page.keyboard.press('Enter'); // the first row is selected; a click could land on its tooltip
      await page
        .locator('.statusbar-item', { hasText: /UserSync: rolled back #\d+/ })
        .first()
        .waitFor({ timeout: 60000 });
    });

    await step('Stop sandbox from the command palette (then only Start sandbox is offered)', async () => {
      await command('UserSync: Stop sandbox');
      await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 5000 });
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input').fill('>UserSync: S');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'UserSync: Start sandbox' })
        .first()
        .waitFor({ timeout: 5000 });
      const stop = await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'UserSync: Stop sandbox' })
        .count();
      await page.keyboard.press('Escape');
      if (stop !== 0) throw new Error('Stop sandbox is still offered');
    });
  } finally {
    await browser.close();
  }
}

steps.run(main, 'ui run');
