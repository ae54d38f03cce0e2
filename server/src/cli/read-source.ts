import * as fs from 'fs';
import { CliError } from './cli-error';
import { expandFolders } from './source-paths';

/** The largest file usersync reads; config files are a few kilobytes. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/**
 * Reads a usersync file as text, or throws a CliError with one line that says what is wrong:
 * missing, a directory, too large, binary (a NUL byte), not UTF-8 (with the byte offset), unreadable.
 * A UTF-8 byte order mark is dropped, as editors do.
 */
export function readSourceFile(path: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (e) {
    throw new CliError(`${path}: ${reason(e)}`);
  }
  if (stat.isDirectory()) throw new CliError(`${path}: is a directory, not a file`);
  if (!stat.isFile()) throw new CliError(`${path}: is not a regular file`);
  if (stat.size > MAX_SOURCE_BYTES) {
    throw new CliError(
      `${path}: file is ${(stat.size / (1024 * 1024)).toFixed(1)} MB; usersync reads at most ${MAX_SOURCE_BYTES / (1024 * 1024)} MB`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    throw new CliError(`${path}: ${reason(e)}`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CliError(`${path}: binary file (NUL byte at offset ${nul}); usersync reads text files`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      `${path}: not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); save the file as UTF-8`,
    );
  }
}

function reason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'no such file (a part of the path is not a directory)';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return `cannot read: ${(e as Error).message}`;
  }
}

/** Offset where the first ill-formed UTF-8 sequence starts (a stray byte, or a lead byte whose sequence breaks off); -1 when all is well-formed. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // second-byte ranges that exclude overlong forms, surrogates and code points above U+10FFFF
    const [lo, hi] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * Reads every file for a command that goes on past a bad one (validate, fmt), a folder standing for the
 * usersync files below it (source-paths.ts): each file that cannot be read, and each folder without one,
 * is reported through `report` and counted, and the rest come back in order.
 */
export function readSourceFiles(
  paths: string[],
  report: (message: string) => void,
): { sources: { file: string; text: string }[]; unreadable: number } {
  const sources: { file: string; text: string }[] = [];
  const { files, empty } = expandFolders(paths, report);
  let unreadable = empty;
  for (const file of files) {
    try {
      sources.push({ file, text: readSourceFile(file) });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      report(`usersync: ${e.message}`);
      unreadable++;
    }
  }
  return { sources, unreadable };
}
