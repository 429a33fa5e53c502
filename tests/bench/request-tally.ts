/** A fetch that counts what the sync engine asks for, by kind (blob HEAD/PUT, push, pull). */

export interface RequestTally {
  fetch: typeof fetch;
  byKind(): Record<string, number>;
  reset(): void;
}

function kindOf(url: string, method: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/api/v1/blobs/')) return `${method} blob`;
  if (path === '/api/v1/sync/push') return 'push';
  if (path === '/api/v1/sync/pull') return 'pull';
  return `${method} ${path}`;
}

export function countingFetch(inner: typeof fetch): RequestTally {
  let counts = new Map<string, number>();
  const counted = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const kind = kindOf(url, method);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return inner(input, init);
  };
  return {
    fetch: counted as typeof fetch,
    byKind: () => Object.fromEntries(counts),
    reset() {
      counts = new Map();
    },
  };
}
