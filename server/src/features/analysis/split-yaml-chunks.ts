/**
 * Where a YAML-form text splits into pieces, one per connector, so that an edit re-reads only the
 * connector it touches (the `.usersync` form does the same in split-chunks.ts). The first piece holds
 * `connectors:` and the first connector and is read as a whole document; each later piece starts at a
 * connector's leading comments (or its key line) and is read as more entries of the `connectors` mapping
 * (parseYaml's `connectors` part), with offsets relative to its start.
 *
 * The split is made only where it cannot change what is read. It returns no split at all when:
 * - anything but comments and blank lines stands outside `connectors:` at the top level;
 * - `connectors:` is not a block mapping whose keys stand at one indentation, in spaces, each with its
 *   entries at one deeper indentation, every line of them a `key: value` or a `- item`;
 * - a line holds an anchor (`&name`), which a later connector may refer to, a tag (`!tag`), a block
 *   scalar (`|`, `>`), an explicit key (`? `), a tab in its indentation, a document marker (`---`,
 *   `...`) or a directive (`%`);
 * - a line ends in a lone \r.
 * A piece that then has a YAML syntax error is not trusted either: the analysis reads the whole text
 * again as one piece (chunked-text.ts), since an unclosed bracket or quote may run over the split.
 *
 * Comments go where reading the whole text puts them (yaml-comments.ts, recordExtent): those just above
 * a connector's key and indented no deeper than it lead it; one indented as deep as the previous
 * connector's entries, before any shallower one, stays with that connector. Blank lines stay above.
 * The rules come from a property test against the whole text (test/features/analysis.test.ts).
 */
export function yamlChunkStarts(text: string): number[] {
  if (/\r(?!\n)/.test(text)) return []; // a lone \r: the yaml package does not read it as a line break
  const lines = linesOf(text);
  const top = lines.findIndex((l) => !isBlankOrComment(l.text));
  if (top < 0 || !/^connectors:[ ]*(#.*)?$/.test(lines[top].text)) return [];
  let indent = -1;
  let entries = -1; // the indentation of the current connector's entries
  const starts: number[] = [];
  // Since the last content line: where the lines that may lead the next connector begin (-1: none yet),
  // and whether a shallower comment has ended the connector above (then every later line leads).
  let pending = -1;
  let ended = false;
  for (let i = top + 1; i < lines.length; i++) {
    const { text: line, start } = lines[i];
    if (/^ *\t/.test(line) || /^(---|\.\.\.)(\s|$)|^%/.test(line) || unusual(line)) return [];
    if (isBlankOrComment(line)) {
      if (line.trim() === '') continue; // blank lines stay with the piece above
      const depth = line.length - line.trimStart().length;
      const deep = depth > indent && (entries < 0 || depth >= entries);
      if (ended || !deep) {
        if (pending < 0) pending = start;
        ended = true;
      }
      continue; // a deep comment before any shallow one stays with the connector above
    }
    const depth = line.length - line.trimStart().length;
    if (indent < 0 || depth === indent) {
      const value = keyLineValue(line);
      if (value === undefined || (indent < 0 && (depth === 0 || line[depth] === '-'))) return [];
      if (indent >= 0) starts.push(pending >= 0 ? pending : start);
      indent = depth;
      // A connector written on one line (`a: {}`) has no entries: no comment below it is its own.
      entries = value === '' ? -1 : Infinity;
    } else if (depth < indent) {
      return []; // back at the top level: another key, or a mapping that is not `connectors`
    } else if (keyLineValue(line) === undefined && !/^ *- /.test(line)) {
      return []; // an entry is `key: value` or `- item`; not `: x`, nor a line that continues a value
    } else if (entries < 0) {
      entries = depth;
    } else if (depth < entries) {
      return []; // between a connector's key and its entries: no longer the shape the split relies on
    }
    pending = -1;
    ended = false;
  }
  return starts;
}

interface Line {
  text: string;
  start: number;
}

/** The lines of the text without their breaks (\n or \r\n), each with its offset. */
function linesOf(text: string): Line[] {
  const out: Line[] = [];
  const breaks = /\r?\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    out.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

function isBlankOrComment(line: string): boolean {
  const t = line.trimStart();
  return t === '' || t.startsWith('#');
}

/**
 * For a line that is a plain or quoted key followed by `:`, what stands after the colon without its
 * comment ('' for none); undefined for any other line.
 */
function keyLineValue(line: string): string | undefined {
  const m = /^ *("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#&*!|>%@`{[\]},?:-][^:#]*?) *:( |$)/.exec(line);
  if (!m) return undefined;
  return line
    .slice(m[0].length)
    .replace(/(^|\s)#.*$/, '')
    .trim();
}

/**
 * True when the line may hold what the split does not model, outside quotes and comments: an anchor
 * or a tag (`&name`, `!tag` where a node may start: after the indentation, a space or a flow
 * indicator), a block scalar (`|` or `>` ending the line; it takes in the lines after it) or an
 * explicit key (`? `). It may say true for such a character in a plain scalar (`a & b`); that only
 * keeps the text in one piece.
 */
function unusual(line: string): boolean {
  const bare = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""').replace(/(^|\s)#.*$/, '');
  return /(^|[\s[{,])[&!]/.test(bare) || /(^|\s)[|>][-+1-9]*\s*$/.test(bare) || /(^|\s)\?(\s|$)/.test(bare);
}
