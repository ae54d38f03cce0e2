export { resolveValue, secretEnvName, UNTRUSTED_MESSAGE, type ResolveContext, type ResolvedValue } from './resolve';
export { redactor } from './redact';
