import { formatUsersync } from '../format/format-usersync';
import { isIdentifier } from '../format/print-expr';
import type { Document, DocumentForm, ParseError } from '../model/model';
import { parseDocument } from '../parse';
import type { Span } from '../text/span';
import { printYaml } from './print-yaml';
import { CONNECTOR_KEYS, TYPE_KEY } from './value-keys';

export interface ConvertResult {
  /** The document in the other form; absent when it has syntax errors or cannot be written there. */
  text?: string;
  errors: ParseError[];
}

/**
 * `.usersync` ↔ YAML without loss: the model read back from the result equals the model read from
 * the input (spans aside, items in the canonical order), and comments are kept. A document with
 * syntax errors is refused, and so are names the target form cannot spell.
 */
export function convert(text: string, fromUri: string, to: DocumentForm): ConvertResult {
  const { document, errors } = parseDocument(text, fromUri);
  if (errors.length > 0) return { errors };
  const unwritable = to === 'usersync' ? usersyncProblems(document) : yamlProblems(document);
  if (unwritable.length > 0) return { errors: unwritable };
  return { text: to === 'yaml' ? printYaml(document) : formatUsersync(document), errors: [] };
}

function problem(message: string, span: Span): ParseError {
  return { code: 'cannot-convert', message, span };
}

/** Names from YAML keys that the `.usersync` grammar cannot spell (it has no quoted names). */
function usersyncProblems(doc: Document): ParseError[] {
  const out: ParseError[] = [];
  const check = (what: string, name: string, span: Span, optional = false): void => {
    if (isIdentifier(name) || (optional && name === '')) return;
    out.push(problem(`${what} '${name}' cannot be written in the .usersync form: use letters, digits and '_'`, span));
  };
  for (const c of doc.connectors) {
    check('connector name', c.name, c.nameSpan, true);
    for (const item of c.items) {
      if (item.kind === 'block') {
        check(`${item.role} type`, item.type, item.typeSpan);
        for (const s of item.settings) check('setting', s.key, s.keySpan);
      } else if (item.kind === 'option') check('option', item.key, item.keySpan);
      else if (item.kind === 'match') check('match field', item.field, item.fieldSpan);
      else if (item.kind === 'mapping') check('map target', item.target, item.targetSpan);
    }
  }
  return out;
}

/** `.usersync` items whose names the YAML form reserves for its own structure. */
function yamlProblems(doc: Document): ParseError[] {
  const out: ParseError[] = [];
  for (const c of doc.connectors) {
    for (const item of c.items) {
      if (item.kind === 'option' && CONNECTOR_KEYS.has(item.key)) {
        out.push(
          problem(
            `option '${item.key}' cannot be written in the YAML form, where '${item.key}:' has its own meaning`,
            item.keySpan,
          ),
        );
      }
      if (item.kind === 'block') {
        for (const s of item.settings) {
          if (s.key === TYPE_KEY)
            out.push(
              problem(
                `setting '${TYPE_KEY}' cannot be written in the YAML form, where it names the ${item.role} type`,
                s.keySpan,
              ),
            );
        }
      }
    }
  }
  return out;
}
