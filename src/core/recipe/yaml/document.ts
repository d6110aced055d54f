import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { LineIndex, type Range } from '../../text/range';

/** A recipe file parsed with `yaml`, keeping the syntax tree so every finding can point at exact text. */
export interface RecipeDocument {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
  readonly syntaxErrors: readonly { readonly message: string; readonly range: Range }[];
}

export function parseRecipeDocument(text: string): RecipeDocument {
  const lines = new LineIndex(text);
  // Warnings (keys that are collections) would go to the console; the schema check reports what matters.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const syntaxErrors = doc.errors.map((e) => {
    // yaml marks a duplicate key by its first character; underline the whole key.
    const end = e.code === 'DUPLICATE_KEY' ? e.pos[0] + (/^[^\s:,[\]{}]*/.exec(text.slice(e.pos[0]))?.[0].length ?? 1) : e.pos[1];
    return { message: syntaxMessage(e.message), range: lines.rangeAt(e.pos[0], Math.max(end, e.pos[0])) };
  });
  return { text, doc, lines, syntaxErrors };
}

/** yaml's messages end with a code excerpt when prettyErrors is on; keep only the first sentence-like line. */
function syntaxMessage(message: string): string {
  return `YAML syntax error: ${message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** The range of a node's text (for a block collection, without the line break and blanks that end it). */
export function nodeRange(document: RecipeDocument, node: Node | null | undefined): Range {
  const [start, valueEnd] = node?.range ?? [0, 0];
  let end = valueEnd;
  while (end > start && /\s/.test(document.text[end - 1])) end--;
  return document.lines.rangeAt(start, end);
}

/** The pair under `key` in a mapping, with the key as a Scalar node. */
export function pairOf(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isScalar(item.key) && item.key.value === key) return item as Pair<Scalar, Node | null>;
  }
  return undefined;
}

/** The string value under `key`, if it is a plain string scalar. */
export function stringAt(map: unknown, key: string): { value: string; node: Scalar } | undefined {
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.value) && typeof pair.value.value === 'string') return { value: pair.value.value, node: pair.value };
  return undefined;
}

/** Finds the node at a JSON-pointer-like path of keys and indexes; also returns the pair that holds it. */
export function nodeAtPath(doc: Document.Parsed, path: readonly string[]): { node: Node | null; pair?: Pair<Scalar, Node | null> } | undefined {
  let node: Node | null = doc.contents;
  let pair: Pair<Scalar, Node | null> | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      pair = pairOf(node, segment);
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) return undefined;
      pair = undefined;
      node = isPair(item) ? null : (item as Node | null);
    } else {
      return undefined;
    }
  }
  return { node, pair };
}
