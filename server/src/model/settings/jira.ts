import { CA_FILE } from './common';
import { companionPathSetting, patSetting, productUrlSetting } from './companion';
import type { BlockSpec } from './types';

/** `target jira`: Jira Data Center user properties (api-facts.md §4). */
export const JIRA_TARGET: BlockSpec = {
  role: 'target',
  type: 'jira',
  title: 'Jira Data Center',
  doc: 'Writes user properties in Jira Data Center: the admin-UI "User Properties" through the companion endpoint, or REST entity properties with `store = entity`.',
  settings: [
    productUrlSetting('Jira', 'https://jira.example.com'),
    patSetting('Jira', 'JIRA_TOKEN'),
    {
      name: 'store',
      kind: 'enum',
      values: ['properties', 'entity'],
      doc: '`properties` (default): the User Properties shown in the admin UI (keys of letters, digits and spaces, values up to 250 characters). `entity`: REST entity properties, invisible in the UI (JSON values up to 32,768 bytes).',
      default: 'properties',
      placeholder: 'properties',
    },
    companionPathSetting('Jira'),
    CA_FILE,
  ],
  oneOf: [],
};
