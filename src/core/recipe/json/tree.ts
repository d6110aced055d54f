import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, type Range } from '../../text/range';
import type { ReadProblem } from '../model';

/**
 * A JSON recipe file parsed with jsonc-parser, VS Code's own JSON parser: it keeps every value's exact offset and
 * length, and reports each syntax error where it is, so findings point at the text a user sees.
 */
export interface JsonDocument {
  readonly text: string;
  readonly root: Node | undefined;
  readonly lines: LineIndex;
  readonly syntaxErrors: readonly ReadProblem[];
}

export type JsonNode = Node;

export function parseJsonDocument(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const lines = new LineIndex(text);
  const syntaxErrors = errors.map((e): ReadProblem => ({
    code: 'json-syntax',
    message: `JSON syntax error: ${errorText(e)}.`,
    range: lines.rangeAt(e.offset, e.offset + Math.max(e.length, 1)),
  }));
  return { text, root, lines, syntaxErrors };
}

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace "}" expected',
  CloseBracketExpected: 'closing bracket "]" expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid Unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function errorText(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  return ERROR_TEXT[name] ?? name;
}

/** The range of a node's text. */
export function jsonRange(document: JsonDocument, node: Node | undefined): Range {
  return node ? document.lines.rangeAt(node.offset, node.offset + node.length) : document.lines.rangeAt(0, 0);
}

/** The `property` node (children: key, value) under `key` in an object node. */
export function propertyOf(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === key);
}

/** The value node under `key` in an object node. */
export function valueOf(node: Node | undefined, key: string): Node | undefined {
  return propertyOf(node, key)?.children?.[1];
}

/** The value under `key` when it is a string. */
export function stringOf(node: Node | undefined, key: string): string | undefined {
  const value = valueOf(node, key);
  return value?.type === 'string' ? (value.value as string) : undefined;
}

/** The key node of a property node. */
export function keyOf(property: Node): Node {
  return property.children?.[0] as Node;
}

/** Entries of an object node as [key, key node, value node]. */
export function entriesOf(node: Node | undefined): [string, Node, Node | undefined][] {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).flatMap((p) => {
    const key = p.children?.[0];
    return key?.type === 'string' ? [[key.value as string, key, p.children?.[1]] as [string, Node, Node | undefined]] : [];
  });
}

/** A plain scalar's text (strings as they are, numbers and booleans printed); undefined for objects, lists, null. */
export function scalarText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number' || node.type === 'boolean') return String(node.value);
  return undefined;
}
