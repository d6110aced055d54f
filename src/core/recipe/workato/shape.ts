import { RUNTIME_PART } from '../model';

/**
 * The shape of a Workato value (see InputEntry.shape): in formula mode (`=…`) a concatenation of string literals and
 * run-time parts (`'project = ENG AND summary ~ "' + _dp(…) + '"'`), in text mode `#{…}` interpolations. A formula
 * that is not a plain concatenation has no shape.
 */
export function workatoShape(text: string): string | undefined {
  const formula = /^\s*=/.exec(text);
  if (!formula) return replaceInterpolations(text);
  const parts = splitTopLevel(text.slice(formula[0].length), '+');
  if (!parts) return undefined;
  return parts.map((part) => stringLiteral(part.trim()) ?? RUNTIME_PART).join('');
}

/** `'a\'b'` or `"a"` as its text; anything else (a pill, a method call) is not a literal. */
function stringLiteral(part: string): string | undefined {
  const quote = part[0];
  if ((quote !== "'" && quote !== '"') || part.length < 2 || part[part.length - 1] !== quote) return undefined;
  const end = scanString(part, 0);
  return end === part.length - 1 ? part.slice(1, -1).replace(/\\(.)/g, '$1') : undefined;
}

/** The index of the closing quote of the string starting at `start`, or -1. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[start]) return i;
  }
  return -1;
}

/** `text` split at `separator` outside strings and brackets; undefined when they don't balance. */
function splitTopLevel(text: string, separator: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      i = scanString(text, i);
      if (i < 0) return undefined;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(from));
  return parts;
}

/** Text with each `#{…}` (brackets and strings inside balanced) replaced by a run-time part. */
function replaceInterpolations(text: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('#{', i);
    if (at < 0) break;
    out += text.slice(i, at);
    let depth = 0;
    let j = at + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === "'" || c === '"') {
        j = scanString(text, j);
        if (j < 0) return undefined;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (j >= text.length) return undefined;
    out += RUNTIME_PART;
    i = j + 1;
  }
  return out + text.slice(i);
}
