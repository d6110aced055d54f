import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Seeded mutations of the example recipes, for the fuzz test and `npm run bench`: aliases, deep nesting, odd
 * scalars, truncation and random edits, in all three formats. The same seed gives the same inputs, so a failure
 * can be replayed from its seed and index.
 */

/** mulberry32: a small, fast PRNG with 32 bits of state; plenty for picking mutations. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Seed {
  readonly fileName: string;
  readonly text: string;
}

export interface FuzzInput {
  /** The file name it is read under (its format), or undefined to have the format told by content. */
  readonly fileName: string | undefined;
  readonly text: string;
  /** What was done to the seed, for a failure's message. */
  readonly mutations: readonly string[];
}

/** The example recipes of every format: the seeds every input grows from. */
export function exampleSeeds(): Seed[] {
  const dir = join(__dirname, '..', '..', 'examples');
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.snapshot.json'))
    .sort()
    .map((f) => ({ fileName: f, text: readFileSync(join(dir, f), 'utf8') }));
}

const ODD_SCALARS = [
  '~',
  'null',
  '.inf',
  '-.nan',
  '0x1F',
  '0o17',
  '1e999',
  '99999999999999999999999',
  '!!binary aGVsbG8=',
  '!!str',
  '!!map',
  '!custom x',
  '&anchor',
  '*nowhere',
  '<<: *nowhere',
  '"{{ x.y }}"',
  '"={{ $json.key }}"',
  `"#{_('data.jira.1a2b3c4d.key')}"`,
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '[]',
  '{}',
  '{ __rl: true }',
  '"\\u0000"',
  "'''",
  '"',
  '|',
  '>-',
  '? ',
  '- - -',
  ': :',
  '\uFEFF',
  '😀🚀',
  '\u202e',
  'x'.repeat(5000),
];

const JSON_ODD = ['null', 'true', '0', '-1', '1e999', '[]', '{}', '[[[]]]', '{"__rl": true}', '{"name": {}}', '"="', '"__proto__"', '{"a":', '"\\ud800"'];

const ALPHABET = ':{}[],"\'-#&*!|>?%@`\n\t =\\/.0123456789abcXYZ_$😀\u00e9';

type Mutation = (text: string, random: () => number, json: boolean) => string;

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)];
const at = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));

const MUTATIONS: Readonly<Record<string, Mutation>> = {
  truncate: (text, random) => text.slice(0, at(text, random)),
  byteEdits: (text, random) => {
    let out = text;
    const edits = 1 + Math.floor(random() * 8);
    for (let i = 0; i < edits; i++) {
      const p = at(out, random);
      const c = pick([...ALPHABET], random);
      const kind = random();
      out = kind < 0.4 ? out.slice(0, p) + c + out.slice(p + 1) : kind < 0.7 ? out.slice(0, p) + c + out.slice(p) : out.slice(0, p) + out.slice(p + 1);
    }
    return out;
  },
  oddScalar: (text, random, json) => {
    // Replaces the value after a `key:` (YAML) or `"key":` (JSON).
    const matches = [...text.matchAll(json ? /"[^"\n]*"\s*:\s*/g : /^\s*(?:- )?[\w-]+:\s/gm)];
    if (!matches.length) return text;
    const m = pick(matches, random);
    const start = m.index + m[0].length;
    const rest = text.slice(start);
    const end = start + (json ? (/^("(?:[^"\\]|\\.)*"|[^,}\]\n]*)/.exec(rest)?.[0].length ?? 0) : (/^[^\n]*/.exec(rest)?.[0].length ?? 0));
    return text.slice(0, start) + pick(json ? JSON_ODD : ODD_SCALARS, random) + text.slice(end);
  },
  aliases: (text, random, json) => {
    if (json) return text;
    const width = 2 + Math.floor(random() * 9);
    const levels = 1 + Math.floor(random() * 10);
    const lines = [`z0: &z0 [${Array(width).fill('x').join(', ')}]`];
    for (let i = 1; i < levels; i++)
      lines.push(
        `z${i}: &z${i} [${Array(width)
          .fill(`*z${i - 1}`)
          .join(', ')}]`,
      );
    return random() < 0.5 ? `${lines.join('\n')}\n${text}` : `${text}\n${lines.join('\n')}\n`;
  },
  deepNesting: (text, random, json) => {
    const depth = 1 + Math.floor(random() * 400);
    const open = random() < 0.5 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    const nested = json ? open.repeat(depth) + close.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
    if (json) {
      const p = text.indexOf('{') + 1;
      return `${text.slice(0, p)}"deep": ${nested},${text.slice(p)}`;
    }
    if (random() < 0.5) return `${text}deep: ${nested}\n`;
    // Block nesting grows as its square: a little past the limit is enough.
    const block = Array.from({ length: Math.min(depth, 120) }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    return `${text}${block}\n`;
  },
  lines: (text, random) => {
    const lines = text.split('\n');
    const i = Math.floor(random() * lines.length);
    const kind = random();
    if (kind < 0.3) lines.splice(i, 1);
    else if (kind < 0.6) lines.splice(i, 0, lines[Math.floor(random() * lines.length)]);
    else lines[i] = ' '.repeat(Math.floor(random() * 6)) + lines[i].trimStart();
    return lines.join('\n');
  },
};

/** `count` mutated inputs from the seeds, each with one to three mutations; reproducible from `seed`. */
export function* fuzzInputs(seeds: readonly Seed[], count: number, seed: number): Generator<FuzzInput> {
  const random = prng(seed);
  const names = Object.keys(MUTATIONS);
  for (let i = 0; i < count; i++) {
    const source = seeds[i % seeds.length];
    const json = source.fileName.endsWith('.json');
    let text = source.text;
    const applied: string[] = [];
    const rounds = 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds; r++) {
      const name = pick(names, random);
      text = MUTATIONS[name](text, random, json);
      applied.push(name);
    }
    // Now and then without a name, so the format is told by content.
    yield { fileName: random() < 0.1 ? undefined : source.fileName, text, mutations: applied };
  }
}
