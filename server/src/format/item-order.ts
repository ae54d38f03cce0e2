import type { Connector, ConnectorItem } from '../model/model';

/**
 * The canonical order of a connector's items, shared by `fmt` and the YAML form (which groups
 * them by nature): blocks, match, schedule, options, mappings grouped by target in the order the
 * targets first appear, pinned users. The sort is stable, so among items of one kind the first
 * still comes first and "first wins" / duplicate reports mean the same after formatting.
 */
export function canonicalItems(connector: Connector): ConnectorItem[] {
  const targets: string[] = [];
  for (const item of connector.items) {
    if (item.kind === 'mapping' && !targets.includes(item.target)) targets.push(item.target);
  }
  const rank = (item: ConnectorItem): number => {
    switch (item.kind) {
      case 'block':
        return 0;
      case 'match':
        return 1;
      case 'schedule':
        return 2;
      case 'option':
        return 3;
      case 'mapping':
        return 4 + targets.indexOf(item.target) / (targets.length + 1);
      case 'user':
        return 5;
    }
  };
  return connector.items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((e) => e.item);
}

/** The groups `fmt` separates with a blank line: blocks / match, schedule and options / maps / users. */
export function itemGroup(item: ConnectorItem): 'blocks' | 'settings' | 'maps' | 'users' {
  switch (item.kind) {
    case 'block':
      return 'blocks';
    case 'mapping':
      return 'maps';
    case 'user':
      return 'users';
    default:
      return 'settings';
  }
}
