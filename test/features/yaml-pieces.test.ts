import { strict as assert } from 'assert';
import { complete } from '../../server/src/features/completion/complete';
import { DocumentAnalysis } from '../../server/src/features/analysis/document-analysis';
import { hover } from '../../server/src/features/hover/hover';
import { signatureHelp } from '../../server/src/features/signature-help';
import { parseDocument } from '../../server/src/parse';
import type { Span } from '../../server/src/text/span';

const URI = 'file:///w/three.usersync.yaml';

/** Three connectors, with comments, paths, selectors and calls; the features at every offset of it. */
const TEXT = `# yaml-language-server: $schema=../schemas/usersync.schema.json
connectors:
  # Entra ID into Jira
  azure_jira:
    source:
      type: azure
      tenant: contoso.onmicrosoft.com
      client_id: x
      client_secret: { env: AZURE_CLIENT_SECRET }
    target:
      type: jira
      url: https://jira.contoso.com
      token: { secret: jira-pat }
    match:
      username: lower(userPrincipalName)
    schedule: "0 */6 * * *"
    map:
      property:
        Department: department
        Manager: manager.mail
        Ext: onPremisesExtensionAttributes.extensionAttribute1
    # the end of azure_jira

  # Okta into Confluence
  okta_confluence:
    source:
      type: okta
      org_url: https://contoso.okta.com
      token: { env: OKTA_API_TOKEN }
    target:
      type: confluence
      url: https://confluence.contoso.com
      token: { secret: confluence-pat }
    match:
      username: profile.login
    map:
      profile:
        phone: first(profile.mobilePhone, profile.primaryPhone)
        position: profile.title
  google_jira:
    source:
      type: google
      service_account_key: { file: sa.json }
      admin_email: admin@contoso.com
    target:
      type: jira
      url: https://jira.contoso.com
      token: { secret: jira-pat }
    match:
      username: primaryEmail
    map:
      property:
        Phone: phones[type=work].value
        Cost: upper(organizations[primary=true].costCenter)
`;

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

describe('the YAML form read in pieces gives the features what the whole document gives them', () => {
  const analysis = DocumentAnalysis.open(URI, TEXT);
  const whole = parseDocument(TEXT, URI).document;

  it('is read in one piece per connector', () => assert.equal(analysis.chunkCount, 3));

  it('completes alike at every offset', () => {
    for (let offset = 0; offset <= TEXT.length; offset++) {
      const piece = analysis.editingPieceAt(offset);
      const fromPiece = complete(piece.document, offset - piece.base).map((e) => ({
        ...e,
        replace: shift(e.replace, piece.base),
      }));
      assert.deepEqual(
        fromPiece,
        complete(whole, offset),
        `at ${offset}: ${JSON.stringify(TEXT.slice(offset - 20, offset))}`,
      );
    }
  });

  it('hovers and helps with signatures alike at every offset', () => {
    for (let offset = 0; offset <= TEXT.length; offset++) {
      const at = analysis.pieceAt(offset);
      const found = hover(at.document, offset - at.base);
      assert.deepEqual(
        found && { ...found, span: shift(found.span, at.base) },
        hover(whole, offset),
        `hover at ${offset}`,
      );
      const editing = analysis.editingPieceAt(offset);
      assert.deepEqual(
        signatureHelp(editing.document, offset - editing.base),
        signatureHelp(whole, offset),
        `at ${offset}`,
      );
    }
  });
});
