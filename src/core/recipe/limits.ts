import { isCollection, isPair, type Document } from 'yaml';

/**
 * Limits that keep one hostile or accidental file from freezing or crashing a run: such a file gets a finding of
 * its own and the other files are checked as usual.
 */

/** Far larger than any recipe: such a file gets a finding instead of being parsed (and freezing an editor). */
export const MAX_RECIPE_BYTES = 5 * 1024 * 1024;

/** Deeper than any recipe needs; parsers and the checks after them recurse, so deeper files are refused. */
export const MAX_NESTING = 100;

/**
 * Whether a JSON text nests objects and arrays deeper than `MAX_NESTING`: one pass over the text, before any
 * parser (a recursive one) sees it. Brackets inside strings don't count.
 */
export function jsonNestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Whether a parsed YAML document nests collections deeper than `MAX_NESTING`; walks without recursion. */
export function yamlNestsTooDeep(doc: Document.Parsed): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth + 1 > MAX_NESTING) return true;
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return false;
}

export const NESTING_MESSAGE = `The file nests more than ${MAX_NESTING} levels deep, far deeper than any recipe; it is not checked.`;
