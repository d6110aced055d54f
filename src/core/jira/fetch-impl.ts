/**
 * The fetch the client uses: node-fetch by default, loaded lazily (it is an ES module; this code base compiles to
 * CommonJS, where only a dynamic import may load it — esbuild bundles it all the same). Injectable for tests.
 */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  redirect: 'manual';
  signal: AbortSignal;
}

export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

let nodeFetch: Promise<FetchLike> | undefined;

export function defaultFetch(): Promise<FetchLike> {
  nodeFetch ??= import('node-fetch').then((m) => m.default as unknown as FetchLike);
  return nodeFetch;
}
