// The TextMate grammars, tokenized by the same vscode-textmate + oniguruma that VS Code runs (taken from the
// installed code-server, $VSCODE_APP). Each case names a piece of a line and the scope it must carry.
// usage: VSCODE_APP=.vscode-e2e/cs/node_modules/code-server/lib/vscode node test/e2e/grammar.js
'use strict';
const fs = require('fs');
const path = require('path');

const app = path.resolve(
  process.env.VSCODE_APP || path.join(__dirname, '../../.vscode-e2e/cs/node_modules/code-server/lib/vscode'),
);
const tm = require(path.join(app, 'node_modules/vscode-textmate'));
const onig = require(path.join(app, 'node_modules/vscode-oniguruma'));
const root = path.join(__dirname, '../..');
const grammars = {
  'source.usersync': path.join(root, 'syntaxes/usersync.tmLanguage.json'),
  'source.usersync-yaml': path.join(root, 'syntaxes/usersync-yaml.tmLanguage.json'),
  'source.yaml': path.join(app, 'extensions/yaml/syntaxes/yaml.tmLanguage.json'),
};
for (const v of ['1.0', '1.1', '1.2', '1.3'])
  grammars[`source.yaml.${v}`] = path.join(app, `extensions/yaml/syntaxes/yaml-${v}.tmLanguage.json`);

const SAMPLE = `# comments start with '#'
connector contoso_jira {
  source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_secret = env("AZURE_CLIENT_SECRET")
    certificate   = file("certs/app.pem")
  }
  target jira {
    url   = "https://jira.contoso.com"
    token = secret("jira-pat")
    store = entity
  }
  match username = lower(userPrincipalName)
  schedule "0 */6 * * *"
  on_empty = keep
  clear_guard = "10%"
  map property "Cost Center" = employeeOrgData.costCenter
  map property "Phone"       = first(mobilePhone, businessPhones[0])
  map property "Title"       = organizations[primary=true].title
  map property "Work"        = phones[type=work].value
  map property "Quote"       = "say \\"hi\\"\\n"
  map property "Short"       = substring(department, 0, 12)
  map property "Custom"      = my_function(department)
  user "alice@contoso.com"
}
connector okta_wiki {
  source okta { org_url = "https://contoso.okta.com"  token = env("OKTA_API_TOKEN") }
  target confluence { url = "https://wiki.contoso.com" }
  map profile location = join(", ", profile.city, profile.countryCode)
  map property "Broken" = "no end
}
`;

// [line number (0-based), text to find on that line (its first occurrence; '<last>' = the last character), scope it must have]
const CASES = [
  [0, '#', 'comment.line.number-sign.usersync'],
  [0, 'comments', 'comment.line.number-sign.usersync'],
  [1, 'connector', 'keyword.other.connector.usersync'],
  [1, 'contoso_jira', 'entity.name.type.connector.usersync'],
  [1, '{', 'punctuation.section.block.begin.usersync'],
  [2, 'source', 'keyword.other.source.usersync'],
  [2, 'azure', 'support.type.block.azure.usersync'],
  [3, 'tenant', 'support.type.property-name.setting.usersync'],
  [3, '=', 'keyword.operator.assignment.usersync'],
  [3, 'contoso.onmicrosoft.com', 'string.quoted.double.usersync'],
  [4, 'env', 'support.function.value.env.usersync'],
  [4, 'AZURE_CLIENT_SECRET', 'string.quoted.double.usersync'],
  [5, 'file', 'support.function.value.file.usersync'],
  [7, 'jira', 'support.type.block.jira.usersync'],
  [9, 'secret', 'support.function.value.secret.usersync'],
  [10, 'entity', 'constant.language.store.usersync'],
  [12, 'match', 'keyword.other.match.usersync'],
  [12, 'username', 'variable.parameter.match-key.usersync'],
  [12, 'lower', 'support.function.builtin.lower.usersync'],
  [12, 'userPrincipalName', 'variable.other.attribute.usersync'],
  [13, 'schedule', 'keyword.other.schedule.usersync'],
  [14, 'on_empty', 'support.type.property-name.option.usersync'],
  [14, 'keep', 'constant.language.on-empty.usersync'],
  [15, 'clear_guard', 'support.type.property-name.option.usersync'],
  [16, 'map', 'keyword.other.map.usersync'],
  [16, 'property', 'storage.type.property.usersync'],
  [16, 'Cost Center', 'string.quoted.double.usersync'],
  [16, 'employeeOrgData', 'variable.other.attribute.usersync'],
  [16, '.', 'punctuation.accessor.usersync'],
  [16, 'costCenter', 'variable.other.member.attribute.usersync'],
  [17, 'first', 'support.function.builtin.first.usersync'],
  [17, ',', 'punctuation.separator.comma.usersync'],
  [17, '[', 'punctuation.section.brackets.begin.usersync'],
  [17, '0', 'constant.numeric.index.usersync'],
  [18, 'primary', 'variable.other.member.selector-key.usersync'],
  [18, 'true', 'constant.language.boolean.usersync'],
  [18, 'title', 'variable.other.member.attribute.usersync'],
  [19, 'work', 'string.unquoted.selector-value.usersync'],
  [19, 'value', 'variable.other.member.attribute.usersync'],
  [20, '\\"', 'constant.character.escape.usersync'],
  [20, '\\n', 'constant.character.escape.usersync'],
  [21, '0', 'constant.numeric.integer.usersync'],
  [21, '12', 'constant.numeric.integer.usersync'],
  [22, 'my_function', 'entity.name.function.usersync'],
  [23, 'user', 'keyword.other.user.usersync'],
  [23, 'alice@contoso.com', 'string.quoted.double.usersync'],
  [24, '}', 'punctuation.section.block.end.usersync'],
  [26, 'okta', 'support.type.block.okta.usersync'],
  [26, 'org_url', 'support.type.property-name.setting.usersync'],
  [26, 'token', 'support.type.property-name.setting.usersync'],
  [27, 'confluence', 'support.type.block.confluence.usersync'],
  [28, 'profile', 'storage.type.profile.usersync'],
  [28, 'location', 'variable.other.member.profile-field.usersync'],
  [28, 'join', 'support.function.builtin.join.usersync'],
  [28, 'city', 'variable.other.member.attribute.usersync'],
  [29, '<last>', 'invalid.illegal.unterminated-string.usersync'],
];

const YAML_SAMPLE = `connectors:\n  contoso_jira:\n    source:\n      type: azure\n`;
const YAML_CASES = [
  [0, 'connectors', 'entity.name.tag.yaml'],
  [3, 'azure', 'string.unquoted.plain.out.yaml'],
];

async function main() {
  const wasm = fs.readFileSync(path.join(app, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer;
  await onig.loadWASM(wasm);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new onig.OnigScanner(p),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      grammars[scope] ? tm.parseRawGrammar(fs.readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null,
  });
  let passed = 0;
  let failed = 0;
  async function check(scopeName, text, cases) {
    const grammar = await registry.loadGrammar(scopeName);
    const lines = text.split('\n');
    let state = tm.INITIAL;
    const tokens = lines.map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      return r.tokens;
    });
    for (const [n, needle, scope] of cases) {
      const at = needle === '<last>' ? lines[n].length - 1 : lines[n].indexOf(needle);
      const token = at < 0 ? undefined : tokens[n].find((t) => t.startIndex <= at && at < t.endIndex);
      const ok = token !== undefined && token.scopes.includes(scope);
      if (ok) passed++;
      else failed++;
      if (!ok || process.env.E2E_VERBOSE)
        console.log(
          `${ok ? 'PASS' : 'FAIL'} ${scopeName} line ${n + 1} '${needle}' is ${scope}${ok ? '' : ` (got ${token ? token.scopes.join(' ') : 'no token'})`}`,
        );
    }
  }
  await check('source.usersync', SAMPLE, CASES);
  await check('source.usersync-yaml', YAML_SAMPLE, YAML_CASES);
  console.log(
    `checked ${CASES.length + YAML_CASES.length} token scopes${process.env.E2E_VERBOSE ? '' : ' (E2E_VERBOSE=1 lists them)'}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
