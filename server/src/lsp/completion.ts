import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from '../features/completion/complete';
import type { CompletionEntry, CompletionEnvironment, CompletionKind } from '../features/completion/types';
import { mergeNames, referenceNamesOf, type ReferenceKind } from '../features/reference-names';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './safe';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  type: CompletionItemKind.Class,
  setting: CompletionItemKind.Property,
  field: CompletionItemKind.Field,
  attribute: CompletionItemKind.Field,
  function: CompletionItemKind.Function,
  value: CompletionItemKind.Value,
  variable: CompletionItemKind.Variable,
  text: CompletionItemKind.Text,
};

export const TRIGGER_CHARACTERS = ['.', '"', '[', '(', ',', ' '];

/** Longer lists send documentation on completionItem/resolve only (attribute docs make large answers). */
const EAGER_DOCS = 40;

/** textDocument/completion: the features' entries at the cursor, as CompletionItems with text edits. */
export function registerCompletion(ctx: ServerContext): void {
  const { connection } = ctx;
  let last: CompletionEntry[] = [];
  connection.onCompletion(
    guard(connection, 'completion', null as CompletionList | null, (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const offset = doc.offsetAt(params.position);
      const piece = ctx.store.analysis(doc).editingPieceAt(offset);
      const entries = complete(piece.document, offset - piece.base, environment(ctx, doc));
      last = entries;
      const eager = entries.length <= EAGER_DOCS;
      const ranges = new Map<string, Range>();
      const rangeOf = (e: CompletionEntry): Range => {
        const key = `${e.replace.start}:${e.replace.end}`;
        let range = ranges.get(key);
        if (!range) ranges.set(key, (range = toRange(doc, e.replace, piece.base)));
        return range;
      };
      return { isIncomplete: false, items: entries.map((e, i) => toItem(ctx, e, rangeOf(e), i, eager)) };
    }),
  );
  connection.onCompletionResolve(
    guard(connection, 'completionItem/resolve', {} as CompletionItem, (item) => {
      const entry = typeof item.data === 'number' ? last[item.data] : undefined;
      if (entry?.label === item.label && entry.documentation && !item.documentation)
        item.documentation = documentation(ctx, entry.documentation);
      return item;
    }),
  );
}

function documentation(ctx: ServerContext, markdown: string): CompletionItem['documentation'] {
  return ctx.client.markdown ? { kind: 'markdown', value: markdown } : markdown;
}

function environment(ctx: ServerContext, current: TextDocument): CompletionEnvironment {
  return {
    referenceNames: (kind: ReferenceKind) => {
      const open = ctx.documents.all();
      const names = open.map((d) =>
        mergeNames(
          ctx.store
            .analysis(d)
            .pieces()
            .map((p) => referenceNamesOf(p.document)),
        ),
      );
      return ctx.references.names(kind, names, new Set(open.map((d) => d.uri)));
    },
    customAttributes: (connector) =>
      ctx.live.active ? ctx.live.attributes(connector, ctx.store.configDir(current.uri)) : [],
  };
}

function toItem(ctx: ServerContext, e: CompletionEntry, range: Range, index: number, eager: boolean): CompletionItem {
  const snippet = e.snippet === true && ctx.client.snippets;
  const text = e.insertText ?? e.label;
  const item: CompletionItem = {
    label: e.label,
    kind: KINDS[e.kind],
    textEdit: { range, newText: e.snippet && !snippet ? plainText(text) : text },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: e.sortText ?? String(index).padStart(4, '0'),
  };
  if (e.detail) item.detail = e.detail;
  if (e.documentation && eager) item.documentation = documentation(ctx, e.documentation);
  else if (e.documentation) item.data = index;
  if (e.filterText) item.filterText = e.filterText;
  if (e.retrigger && ctx.client.retriggerCommand)
    item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

/** A snippet as plain text for clients without snippet support: placeholders keep their default text. */
export function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
