import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { planSummary, type PreviewJson } from './results';
import { describe, type SyncTarget } from './targets';

/**
 * The preview: a webview with the plan as a before/after table (one row per key change), filterable by
 * user or key, the plan's warnings, and an Apply button that writes this target (after the usual
 * confirmation). One panel, reused; scripts only with a per-render nonce, no remote content.
 */
export class PreviewView implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private shown?: { target: SyncTarget; plan: PreviewJson };
  private html = '';

  /** `onApply` writes the plan and returns a one-line outcome, or undefined when nothing was written. */
  constructor(private readonly onApply: (target: SyncTarget, plan: PreviewJson) => Promise<string | undefined>) {}

  show(target: SyncTarget, plan: PreviewJson, filter = '', applied?: string): void {
    this.shown = { target, plan };
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('usersync.preview', 'UserSync Preview', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: true,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: { type?: string }) =>
        m?.type === 'apply' ? this.apply() : undefined,
      );
    }
    this.panel.title = `Preview: ${describe(target)}`;
    this.html = renderPreview(target, plan, filter, this.panel.webview.cspSource, applied);
    this.panel.webview.html = this.html;
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** What the panel shows (for tests; the webview DOM is out of the extension host's reach). */
  current(): { html: string; target?: SyncTarget; open: boolean } {
    return { html: this.html, target: this.shown?.target, open: this.panel !== undefined };
  }

  /** The Apply button: writes, then shows the outcome in place of the button (the plan is no longer current). */
  async apply(): Promise<string | undefined> {
    if (!this.shown) return undefined;
    const { target, plan } = this.shown;
    const outcome = await this.onApply(target, plan);
    if (outcome && this.panel && this.shown?.plan === plan) this.show(target, plan, '', outcome);
    return outcome;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function cell(v: string | null, cleared = false): string {
  if (v === null) return `<td class="empty">${cleared ? '(clear)' : '(empty)'}</td>`;
  return `<td>${esc(v)}</td>`;
}

export function renderPreview(
  target: SyncTarget,
  plan: PreviewJson,
  filter: string,
  cspSource: string,
  applied?: string,
): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  // one connector: its name is the heading, no column for it
  const manyConnectors = new Set(plan.changes.map((c) => c.connector)).size > 1;
  const rows = plan.changes
    .map(
      (c) =>
        `<tr data-user="${esc(c.user.toLowerCase())}" data-key="${esc(c.key.toLowerCase())}">` +
        `<td class="name">${esc(c.user)}</td>${manyConnectors ? `<td class="name">${esc(c.connector)}</td>` : ''}` +
        `<td class="name">${c.kind === 'profile' ? 'profile ' : ''}${esc(c.key)}</td>` +
        `${cell(c.before)}${cell(c.after, true)}</tr>`,
    )
    .join('\n');
  const columns = ['User', ...(manyConnectors ? ['Connector'] : []), 'Key', 'Before', 'After'];
  const warnings = plan.warnings
    .map(
      (w) =>
        `<li><code>${esc(w.code)}</code> ${esc([w.user, w.key].filter(Boolean).join(' '))}${w.user || w.key ? ': ' : ''}${esc(w.message)}</li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 12px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; word-break: break-word; }
th { position: sticky; top: 0; background: var(--vscode-editor-background); }
td.empty { opacity: .6; font-style: italic; }
td.name { white-space: nowrap; }
tr.hidden { display: none; }
.bar { display: flex; gap: 8px; align-items: center; margin-top: 10px; }
input { flex: 1; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 4px; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 5px 14px; cursor: pointer; }
button:disabled { opacity: .5; cursor: default; }
</style></head>
<body>
<h2>${esc(describe(target))}</h2>
<p id="summary">${esc(planSummary(plan.stats))}</p>
${applied ? `<p id="applied"><strong>Applied:</strong> ${esc(applied)}. Preview again to see what is left.</p>` : ''}
<div class="bar">
  <input id="filter" type="search" placeholder="Filter by user or key" value="${esc(filter)}" aria-label="Filter by user or key">
  <span id="count"></span>
  <button id="apply" ${plan.changes.length === 0 || applied ? 'disabled' : ''}>Apply</button>
</div>
<table id="changes"><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
<tbody>
${rows || `<tr><td colspan="${columns.length}">No changes: the target already matches the IdP.</td></tr>`}
</tbody></table>
${warnings ? `<h3>Warnings</h3><ul id="warnings">${warnings}</ul>` : ''}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const input = document.getElementById('filter');
const rows = [...document.querySelectorAll('#changes tbody tr[data-user]')];
function applyFilter() {
  const q = input.value.trim().toLowerCase();
  let shown = 0;
  for (const r of rows) {
    const hit = !q || r.dataset.user.includes(q) || r.dataset.key.includes(q);
    r.classList.toggle('hidden', !hit);
    if (hit) shown++;
  }
  document.getElementById('count').textContent = shown + ' of ' + rows.length;
}
input.addEventListener('input', applyFilter);
applyFilter();
document.getElementById('apply').addEventListener('click', () => vscode.postMessage({ type: 'apply' }));
</script>
</body></html>`;
}
