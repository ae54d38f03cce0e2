import { blockSpec, settingSpec } from '../model/settings';
import type { ConnectorContext } from './context';
import { referenceText, replaceFix } from './edits';
import { looksLikeContent } from './values';

/**
 * Credentials written into the file (client_secret, token, private_key, service_account_key, an inline
 * certificate): they end up in version control. The fix moves the value's place to an environment variable.
 */
export function checkLiteralSecrets(ctx: ConnectorContext): void {
  for (const block of [ctx.source, ctx.target]) {
    if (!block) continue;
    const spec = blockSpec(block.role, block.type);
    if (!spec) continue;
    for (const s of block.settings) {
      const sSpec = settingSpec(spec, s.key);
      if (!sSpec?.envName || s.value.kind !== 'string' || s.value.value.trim() === '') continue;
      if (sSpec.kind === 'file' && !looksLikeContent(s.value.value)) continue;
      const envName = sSpec.envName;
      ctx.out.report(
        'literal-secret',
        `${s.key} is written in the file: anyone who can read it has the credential. Read it from the environment, env("${envName}"), or the secret store`,
        s.value.span,
        {
          fixes: [
            replaceFix(`Change to env("${envName}")`, s.value.span, referenceText(ctx.doc.form, 'env', envName), true),
          ],
        },
      );
    }
  }
}
