/**
 * "just now", "3 min ago", "2 h ago", "4 days ago": how long ago an ISO time was, short enough not to wrap in a
 * hover. A time that doesn't parse is given back as it is; one in the future (clock skew) reads "just now".
 */
export function timeAgo(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
