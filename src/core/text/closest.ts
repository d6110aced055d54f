import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a misspelt value (ignoring case), when it is close enough to be a typo: at most two
 * edits, or a third of the value's length for longer ones. Operation names, n8n values and CLI options all use it,
 * so "did you mean" means the same everywhere.
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(lower, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(value.length / 3)) ? best.name : undefined;
}
