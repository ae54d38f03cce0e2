import { strict as assert } from 'assert';
import { blockSkeleton } from '../../server/src/check/connectors';
import { insertYamlLines, removeEdit, valueText } from '../../server/src/check/edits';
import { BLOCK_SPECS, CONNECTOR_OPTIONS, blocksWithSetting, blockSpec } from '../../server/src/model/settings';
import {
  propertyKeyProblem,
  sanitizePropertyKey,
  valueLimit,
  valueSize,
  mapTargetsOf,
  profileFieldsOf,
} from '../../server/src/model/targets';
import { diagnose, usersync } from './fixture';

describe('model: setting specifications', () => {
  it('documents every setting and gives enums their values', () => {
    for (const spec of [...BLOCK_SPECS.flatMap((b) => b.settings), ...CONNECTOR_OPTIONS]) {
      assert.ok(spec.doc.length > 20, spec.name);
      if (spec.kind === 'enum')
        assert.ok(spec.values?.includes(spec.default ?? ''), `${spec.name}: default among values`);
    }
  });

  it('names only existing settings in one-of groups', () => {
    for (const b of BLOCK_SPECS) {
      for (const g of b.oneOf)
        for (const alt of g.alternatives)
          for (const k of alt)
            assert.ok(
              b.settings.some((s) => s.name === k),
              `${b.type}.${k}`,
            );
    }
  });

  it('has placeholders that pass their own checks', () => {
    const allowed = new Set(['conflicting-settings', 'no-mappings', 'unknown-attribute', 'attribute-of-other-idp']);
    for (const b of BLOCK_SPECS) {
      for (const s of b.settings) {
        const block = blockSkeleton(b).replace(/\n\}$/, `\n  ${s.name} = ${s.placeholder}\n}`).replace(/\n/g, '\n  ');
        const text = usersync(b.role === 'source' ? { source: block, lines: [] } : { target: block, lines: [] });
        const found = diagnose(text).filter((d) => !allowed.has(d.code) && d.code !== 'duplicate-setting');
        assert.deepEqual(
          found.map((d) => `${d.code}: ${d.message}`),
          [],
          `${b.role} ${b.type}: ${s.name}`,
        );
      }
    }
  });

  it('finds the blocks a setting belongs to', () => {
    assert.deepEqual(
      blocksWithSetting('org_url').map((b) => b.type),
      ['okta'],
    );
    assert.deepEqual(
      blocksWithSetting('url', blockSpec('target', 'jira')).map((b) => b.type),
      ['confluence'],
    );
    assert.equal(blockSpec('source', 'jira'), undefined);
  });
});

describe('model: target rules', () => {
  it('Jira takes map property only; Confluence profile (six fields) and property', () => {
    assert.deepEqual(mapTargetsOf('jira'), ['property']);
    assert.deepEqual(mapTargetsOf('confluence'), ['profile', 'property']);
    assert.deepEqual(profileFieldsOf('confluence'), ['phone', 'im', 'website', 'position', 'department', 'location']);
    assert.deepEqual(profileFieldsOf('jira'), []);
  });

  it('checks Jira property keys: letters, digits and spaces, at most 200', () => {
    assert.equal(propertyKeyProblem('jira', 'Cost Center 2'), undefined);
    assert.match(propertyKeyProblem('jira', 'Cost_Center') ?? '', /letters, digits and spaces/);
    assert.equal(propertyKeyProblem('jira', 'K'.repeat(200)), undefined);
    assert.match(propertyKeyProblem('jira', 'K'.repeat(201)) ?? '', /at most 200/);
    assert.equal(propertyKeyProblem('jira', 'hr.cost_center', 'entity'), undefined);
    // the companion keeps Confluence user properties under Jira's key rule
    assert.match(propertyKeyProblem('confluence', 'any-key!') ?? '', /Confluence user property keys/);
    assert.equal(propertyKeyProblem('confluence', 'Any Key 2'), undefined);
    assert.equal(sanitizePropertyKey('Cost-Center (EU)'), 'Cost Center EU');
  });

  it('limits values: Jira 250 characters (entity 32,768 bytes of JSON), Confluence profile cut at 255', () => {
    assert.deepEqual(valueLimit('jira', 'property'), {
      max: 250,
      unit: 'characters',
      over: 'reject',
      what: 'Jira user properties',
    });
    const entity = valueLimit('jira', 'property', 'entity');
    assert.equal(entity?.max, 32768);
    assert.equal(valueSize('é"', entity ?? { max: 0, unit: 'bytes', over: 'reject', what: '' }), 6);
    assert.equal(valueLimit('confluence', 'profile')?.over, 'cut');
    // Confluence user properties go through the companion under Jira's rules (docs/companion.md)
    assert.equal(valueLimit('confluence', 'property')?.max, 250);
  });
});

describe('check edits', () => {
  it('removes an item with its line, or only the item when the line holds more', () => {
    const text = 'a {\n  x = 1\n  y = 2\n}\n';
    const x = text.indexOf('x = 1');
    assert.deepEqual(removeEdit(text, { start: x, end: x + 5 }), { span: { start: 4, end: 12 }, newText: '' });
    const one = 'a { x = 1  y = 2 }';
    assert.deepEqual(removeEdit(one, { start: 4, end: 9 }), { span: { start: 4, end: 11 }, newText: '' });
  });

  it('writes values in the YAML form', () => {
    assert.equal(valueText('yaml', 'env("JIRA_TOKEN")'), '{ env: JIRA_TOKEN }');
    assert.equal(valueText('yaml', 'file("keys/sa.json")'), '{ file: keys/sa.json }');
    assert.equal(valueText('yaml', 'secret("my pat!")'), '{ secret: "my pat!" }');
    assert.equal(valueText('usersync', 'env("X")'), 'env("X")');
  });

  it('inserts YAML lines after a block-style key, and not into a flow map', () => {
    const text = 'source:\n  type: azure\n  tenant: t\ntarget: {}\n';
    const key = text.indexOf('tenant');
    const setting = { keySpan: { start: key, end: key + 6 }, span: { start: key, end: key + 9 } };
    assert.deepEqual(insertYamlLines(text, [setting], ['client_id: "x"']), {
      span: { start: key + 9, end: key + 9 },
      newText: '\n  client_id: "x"',
    });
    const flow = 'source: { type: azure, tenant: t }\n';
    const k = flow.indexOf('tenant');
    assert.equal(
      insertYamlLines(flow, [{ keySpan: { start: k, end: k + 6 }, span: { start: k, end: k + 9 } }], ['a: b']),
      undefined,
    );
  });
});
