import type { LineCounter } from 'yaml';

/** Zero-based line and UTF-16 character, as in VS Code and the Language Server Protocol. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Turns offsets of a parsed text into positions, using the LineCounter that `yaml` filled while parsing. */
export function positionAt(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

export function rangeAt(lines: LineCounter, start: number, end: number): Range {
  return { start: positionAt(lines, start), end: positionAt(lines, end) };
}

export function containsPosition(range: Range, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}
