import { parseTree, type ParseError } from 'jsonc-parser';
import type { Range } from '../../text/range';
import { jsonRange, type JsonDocument, type JsonNode } from '../json/tree';

/**
 * Where a node of the recipe sits. A part the export holds as a JSON string (a wrapper's `code` or `version.config`)
 * is parsed on its own; its nodes all map to the range of that whole string, the text a user can point at.
 */
export type RangeOf = (node: JsonNode | undefined) => Range;

export function rangesIn(document: JsonDocument): RangeOf {
  return (node) => jsonRange(document, node);
}

export function rangesOfString(document: JsonDocument, stringNode: JsonNode): RangeOf {
  const range = jsonRange(document, stringNode);
  return () => range;
}

/** The JSON inside a string value, or undefined when it isn't strict JSON. */
export function parseEmbedded(text: string): JsonNode | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors.length ? undefined : root;
}
