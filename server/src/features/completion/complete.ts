import type { Document } from '../../model/model';
import { attributeEntries, selectorEntries } from './attributes';
import { blockTypeEntries } from './block-types';
import { connectorItemEntries } from './connector-items';
import { cronEntries } from './cron-presets';
import { cursorContext } from './cursor-context';
import { functionEntries } from './functions';
import { mapTargetEntries, profileFieldEntries } from './profile-fields';
import { referenceNameEntries } from './references';
import { settingKeyEntries, settingValueEntries } from './settings';
import { topLevelEntries } from './top-level';
import type { CompletionEntry, CompletionEnvironment } from './types';
import { yamlCursorContext } from './yaml-context';

/**
 * Completion at `offset` of `doc` (a whole document or one piece of it): find where the cursor
 * stands, then ask the provider for that place. Reads the model and the text; never runs checks.
 */
export function complete(doc: Document, offset: number, env: CompletionEnvironment = {}): CompletionEntry[] {
  const ctx = doc.form === 'yaml' ? yamlCursorContext(doc, offset) : cursorContext(doc, offset);
  const w = ctx.where;
  switch (w.kind) {
    case 'top-level':
      return topLevelEntries(ctx);
    case 'connector-item':
      return connectorItemEntries(ctx);
    case 'block-type':
      return blockTypeEntries(ctx, w.role);
    case 'setting-key':
      return settingKeyEntries(ctx, w.role, w.type, w.block);
    case 'match-field':
      return [
        {
          label: 'username',
          kind: 'keyword',
          detail: 'match username = <expression>',
          insertText: 'username = ',
          replace: ctx.replace,
          retrigger: true,
        },
      ];
    case 'map-target':
      return mapTargetEntries(ctx);
    case 'profile-field':
      return profileFieldEntries(ctx);
    case 'schedule':
      return cronEntries(ctx, false);
    case 'cron':
      return cronEntries(ctx, true);
    case 'reference-arg':
      return referenceNameEntries(ctx, w.reference, env);
    case 'selector':
      return selectorEntries(ctx, w.path);
    case 'expression': {
      if (w.owner.kind === 'setting') return w.path.length ? [] : settingValueEntries(ctx, w.owner.key, w.block);
      if (w.owner.kind === 'option') return w.path.length ? [] : settingValueEntries(ctx, w.owner.key);
      const attributes = attributeEntries(ctx, w.path, env);
      return w.path.length ? attributes : [...attributes, ...functionEntries(ctx)];
    }
    default:
      return [];
  }
}
