import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a misspelt name, when it is close enough to be a typo: at most 2 edits, or a third of the
 * name's length for longer names. A wrong case costs nothing (`Create_Issue` → `create_issue`). Every did-you-mean
 * of the findings comes from here.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (!best || d < best.d) best = { name: candidate, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}
