import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { formatUsersync } from '../../server/src/format/format-usersync';
import { convert } from '../../server/src/yaml/convert';
import { printYaml } from '../../server/src/yaml/print-yaml';
import { documentModel } from '../format/model-arbitrary';
import { mutation, soup } from './language-mutations';

/**
 * The documents the language fuzzer feeds to parse, check, format, completion and hover: generated
 * models printed in both forms, token soup, arbitrary Unicode, and the samples mutated (truncated,
 * bytes flipped into invalid UTF-8, deeply nested, huge strings, odd line endings, edits).
 */

export interface FuzzCase {
  /** How the case was made, e.g. `sample:azure-jira.usersync+truncate+flip`. */
  origin: string;
  uri: string;
  text: string;
  /** Where completion and hover are asked, as shares of the text length (0..1). */
  positions: number[];
}

const USERSYNC_URI = 'file:///fuzz/case.usersync';
const YAML_URI = 'file:///fuzz/case.usersync.yaml';
const SAMPLES_DIR = path.join(__dirname, '..', '..', 'samples');

interface Seed {
  name: string;
  uri: string;
  text: string;
}

/** The samples in their own form, and each converted to the other form when it converts. */
function loadSeeds(): Seed[] {
  const out: Seed[] = [];
  for (const file of fs.readdirSync(SAMPLES_DIR).sort()) {
    if (!/\.usersync(\.ya?ml)?$/.test(file)) continue;
    const text = fs.readFileSync(path.join(SAMPLES_DIR, file), 'utf8');
    const yaml = /\.ya?ml$/.test(file);
    out.push({ name: file, uri: yaml ? YAML_URI : USERSYNC_URI, text });
    const other = convert(text, yaml ? YAML_URI : USERSYNC_URI, yaml ? 'usersync' : 'yaml');
    if (other.text !== undefined)
      out.push({
        name: `${file}→${yaml ? 'usersync' : 'yaml'}`,
        uri: yaml ? USERSYNC_URI : YAML_URI,
        text: other.text,
      });
  }
  return out;
}

let seeds: Seed[] | undefined;
export function sampleSeeds(): Seed[] {
  return (seeds ??= loadSeeds());
}

const positions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 });
const formUri = fc.boolean().map((yaml) => (yaml ? YAML_URI : USERSYNC_URI));

const generated: fc.Arbitrary<FuzzCase> = fc
  .tuple(documentModel, fc.boolean(), fc.array(mutation, { maxLength: 2 }), positions)
  .map(([doc, yaml, muts, at]) => {
    let t = yaml ? printYaml({ ...doc, form: 'yaml' }) : formatUsersync(doc);
    for (const [, m] of muts) t = m(t);
    const origin = `model:${yaml ? 'yaml' : 'usersync'}${muts.map(([n]) => `+${n}`).join('')}`;
    return { origin, uri: yaml ? YAML_URI : USERSYNC_URI, text: t, positions: at };
  });

const mutatedSample: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), positions)
  .map(([pick, muts, at]) => {
    const all = sampleSeeds();
    const s = all[pick % all.length];
    let t = s.text;
    for (const [, m] of muts) t = m(t);
    return { origin: `sample:${s.name}${muts.map(([n]) => `+${n}`).join('')}`, uri: s.uri, text: t, positions: at };
  });

const tokenSoup: fc.Arbitrary<FuzzCase> = fc
  .tuple(soup(400), formUri, positions)
  .map(([t, uri, at]) => ({ origin: 'soup', uri, text: t, positions: at }));

const unicode: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 300 }), formUri, positions)
  .map(([t, uri, at]) => ({ origin: 'unicode', uri, text: t, positions: at }));

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 5, arbitrary: mutatedSample },
  { weight: 3, arbitrary: generated },
  { weight: 1, arbitrary: tokenSoup },
  { weight: 1, arbitrary: unicode },
);

/** `count` cases from `seed`, generated lazily in chunks (the same seed gives the same cases). */
export function* fuzzCases(count: number, seed: number, chunk = 500): Generator<FuzzCase> {
  for (let made = 0, round = 0; made < count; round++) {
    const n = Math.min(chunk, count - made);
    for (const c of fc.sample(fuzzCase, { seed: (seed + Math.imul(round, 0x9e3779b1)) | 0, numRuns: n })) yield c;
    made += n;
  }
}
