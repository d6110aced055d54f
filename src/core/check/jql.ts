/**
 * Which projects a JQL query can return issues from, soundly: a set of keys that bounds every issue the query can
 * match, or undefined when the query doesn't prove one. `project = X` and `project in (A, B)` bound; AND keeps the
 * tightest bound of its parts (the others only narrow further); OR bounds only when every side does; NOT, other
 * operators, and projects named by name or id prove nothing. A query we can't parse proves nothing either.
 */

import { RUNTIME_PART } from '../recipe/model';

type TokenKind = 'word' | 'string' | 'op' | '(' | ')' | ',';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;
/** A part filled in when the recipe runs is allowed inside a quoted string only: elsewhere it could add `OR …`. */
const RUNTIME = RUNTIME_PART;
const OPERATOR = /^(?:!=|!~|<=|>=|=|~|<|>|!)/;
const WORD = /^[^\s()",'=!<>~]+/;

/** JQL's tokens: words, quoted strings (with backslash escapes), operators, parentheses and commas. */
export function tokenizeJql(jql: string): Token[] | undefined {
  const tokens: Token[] = [];
  let rest = jql;
  while ((rest = rest.trimStart())) {
    const c = rest[0];
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c });
      rest = rest.slice(1);
    } else if (c === '"' || c === "'") {
      let text = '';
      let i = 1;
      for (; i < rest.length && rest[i] !== c; i++) {
        if (rest[i] === '\\') i++;
        text += rest[i] ?? '';
      }
      if (i >= rest.length) return undefined; // an unclosed string
      tokens.push({ kind: 'string', text });
      rest = rest.slice(i + 1);
    } else {
      const op = OPERATOR.exec(rest);
      const word = op ? null : WORD.exec(rest);
      const text = op?.[0] ?? word?.[0];
      if (!text || text.includes(RUNTIME)) return undefined;
      tokens.push({ kind: op ? 'op' : 'word', text });
      rest = rest.slice(text.length);
    }
  }
  return tokens;
}

/** The keys of the projects `jql` is bounded to, or undefined when it proves no bound. */
export function jqlProjectBound(jql: string): string[] | undefined {
  const tokens = tokenizeJql(jql);
  if (!tokens) return undefined;
  const parser = new BoundParser(tokens);
  try {
    const bound = parser.orExpression();
    return parser.atEnd() ? bound && [...bound] : undefined;
  } catch {
    return undefined; // unbalanced parentheses or a stray token: no bound proved
  }
}

type Bound = Set<string> | undefined;

const isWord = (t: Token | undefined, word: string) => t?.kind === 'word' && t.text.toLowerCase() === word;

class BoundParser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  atEnd(): boolean {
    // ORDER BY only sorts: what follows it never changes which issues match.
    return this.i >= this.tokens.length || (isWord(this.tokens[this.i], 'order') && isWord(this.tokens[this.i + 1], 'by'));
  }

  orExpression(): Bound {
    const sides = [this.andExpression()];
    while (isWord(this.peek(), 'or')) {
      this.i++;
      sides.push(this.andExpression());
    }
    if (sides.length === 1) return sides[0];
    return sides.every((s) => s !== undefined) ? new Set(sides.flatMap((s) => [...s!])) : undefined;
  }

  private andExpression(): Bound {
    let bound = this.unary();
    while (isWord(this.peek(), 'and')) {
      this.i++;
      const next = this.unary();
      if (next) bound = bound ? new Set([...bound].filter((k) => next.has(k))) : next;
    }
    return bound;
  }

  private unary(): Bound {
    const t = this.peek();
    if (isWord(t, 'not') || (t?.kind === 'op' && t.text === '!')) {
      this.i++;
      this.unary();
      return undefined;
    }
    if (t?.kind === '(') {
      this.i++;
      const inner = this.orExpression();
      this.expect(')');
      return inner;
    }
    return this.clause();
  }

  /** `field operator value…`, up to the next AND, OR, ORDER BY or closing parenthesis at this depth. */
  private clause(): Bound {
    const field = this.next();
    if (!field || (field.kind !== 'word' && field.kind !== 'string')) throw new Error('expected a field');
    const start = this.i;
    while (!this.atClauseEnd()) {
      if (this.peek()?.kind === '(') this.skipGroup();
      else this.i++;
    }
    const rest = this.tokens.slice(start, this.i);
    if (field.text.toLowerCase() !== 'project' || !rest.length) return undefined;
    const [op, ...values] = rest;
    if (op.kind === 'op' && op.text === '=' && values.length === 1) return keys([values[0]]);
    if (isWord(op, 'in') && values[0]?.kind === '(' && values[values.length - 1]?.kind === ')') {
      const inner = values.slice(1, -1);
      // A plain list: value, value, … (a function such as projectsWhereUserHasRole() proves nothing).
      const items = inner.filter((_, n) => n % 2 === 0);
      if (!inner.every((t, n) => (n % 2 === 1 ? t.kind === ',' : t.kind === 'word' || t.kind === 'string'))) return undefined;
      return keys(items);
    }
    return undefined;
  }

  private atClauseEnd(): boolean {
    const t = this.peek();
    return !t || t.kind === ')' || isWord(t, 'and') || isWord(t, 'or') || this.atEnd();
  }

  private skipGroup(): void {
    let depth = 0;
    do {
      const t = this.next();
      if (!t) throw new Error('unbalanced parentheses');
      if (t.kind === '(') depth++;
      else if (t.kind === ')') depth--;
    } while (depth > 0);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token | undefined {
    return this.tokens[this.i++];
  }

  private expect(kind: TokenKind): void {
    if (this.next()?.kind !== kind) throw new Error(`expected ${kind}`);
  }
}

/** Project keys, when every value is one; a name or an id could be any project. */
function keys(values: readonly Token[]): Bound {
  const found = values.map((v) => v.text.trim());
  return found.length && found.every((v) => PROJECT_KEY.test(v)) ? new Set(found) : undefined;
}
