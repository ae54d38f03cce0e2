import { targetBlock } from '../model/query';
import { LineIndex, shiftSpan } from '../text/span';
import type { Diagnostic } from './diagnostic';
import { Reporter } from './report';
import { targetIdOf, UNDO, writtenKeys, type PlacedConnector } from './shared-targets';

/**
 * `shared-target-key` across files: a key that a connector of this file writes to a Jira or Confluence that a
 * connector of another file writes too (same target, by the rule of shared-targets.ts). Each file is told of
 * the other, since neither comes first; the message names the other file and line. `usersync validate` of
 * several files or a folder, and the language server against the workspace's files on disk, run it.
 */

/** One key a connector writes to a target, with where it is written: what a file offers the others. */
export interface KeyWrite {
  target: string;
  key: string;
  connector: string;
  /** 1-based line of the key in its file. */
  line: number;
}

/** What the connectors of one file write, to targets that can be told apart without running. */
export function keyWritesOf(text: string, connectors: readonly PlacedConnector[]): KeyWrite[] {
  const lines = new LineIndex(text);
  const out: KeyWrite[] = [];
  for (const { connector, base } of connectors) {
    const target = targetIdOf(connector);
    if (target === undefined || connector.name === '') continue;
    for (const { mapping, key } of writtenKeys(connector)) {
      out.push({ target, key, connector: connector.name, line: lines.position(mapping.keySpan.start + base).line + 1 });
    }
  }
  return out;
}

/** Another file's writes, and how to name that file in a message. */
export interface OtherFile {
  label: string;
  writes: readonly KeyWrite[];
}

/** Findings for `connectors` (one file) against the other files; at most one per mapping, naming the first. */
export function sharedTargetKeysAcrossFiles(
  connectors: readonly PlacedConnector[],
  others: readonly OtherFile[],
): Diagnostic[] {
  const elsewhere = new Map<string, { label: string; write: KeyWrite }>();
  for (const { label, writes } of others) {
    for (const write of writes) {
      const id = `${write.target}\n${write.key}`;
      if (!elsewhere.has(id)) elsewhere.set(id, { label, write });
    }
  }
  const out = new Reporter();
  if (elsewhere.size === 0) return out.diagnostics;
  for (const { connector, base } of connectors) {
    const target = targetIdOf(connector);
    if (target === undefined || connector.name === '') continue;
    for (const { mapping, key, what } of writtenKeys(connector)) {
      const other = elsewhere.get(`${target}\n${key}`);
      if (!other) continue;
      const where = `connector '${other.write.connector}' in ${other.label}:${other.write.line}`;
      const type = targetBlock(connector)?.type ?? '';
      out.report(
        'shared-target-key',
        `${where} writes ${what} to this ${type} too; ${UNDO}`,
        shiftSpan(mapping.keySpan, base),
      );
    }
  }
  return out.diagnostics;
}

/** The pass over a set of files (`usersync validate` of several): each file's findings, in the files' order. */
export function sharedTargetKeysOfFiles(
  files: readonly { label: string; text: string; connectors: readonly PlacedConnector[] }[],
): Diagnostic[][] {
  const writes = files.map((f) => keyWritesOf(f.text, f.connectors));
  return files.map((f, i) =>
    sharedTargetKeysAcrossFiles(
      f.connectors,
      files.flatMap((g, j) => (j === i ? [] : [{ label: g.label, writes: writes[j] }])),
    ),
  );
}
