import { CA_FILE } from './common';
import { companionPathSetting, patSetting, productUrlSetting } from './companion';
import type { BlockSpec } from './types';

/** `target confluence`: Confluence Data Center profile fields (api-facts.md §5). */
export const CONFLUENCE_TARGET: BlockSpec = {
  role: 'target',
  type: 'confluence',
  title: 'Confluence Data Center',
  doc: 'Writes the profile fields of Confluence Data Center (phone, IM, website, position, department, location) and user properties, through the companion endpoint.',
  settings: [
    productUrlSetting('Confluence', 'https://wiki.example.com'),
    patSetting('Confluence', 'CONFLUENCE_TOKEN'),
    companionPathSetting('Confluence'),
    CA_FILE,
  ],
  oneOf: [],
};
