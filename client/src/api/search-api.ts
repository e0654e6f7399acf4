// Search and a container's story, typed by the protocol. A box never seen here is an
// answer (not found), not a failure; anything else the server refuses comes back as an
// Error with its message.
import type { ContainerHistory, SearchResult } from '../../../protocol/history.ts';

async function problemOf(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return new Error(body.message ?? `HTTP ${response.status}`);
}

export async function searchFor(query: string, signal?: AbortSignal): Promise<SearchResult> {
  const response = await fetch(`/api/v1/search?q=${encodeURIComponent(query)}`, { signal });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as SearchResult;
}

export type ContainerLookup = { found: true; history: ContainerHistory } | { found: false };

export async function fetchContainerHistory(
  containerNumber: string,
  signal?: AbortSignal,
): Promise<ContainerLookup> {
  const response = await fetch(`/api/v1/containers/${encodeURIComponent(containerNumber)}`, {
    signal,
  });
  if (response.status === 404) return { found: false };
  if (!response.ok) throw await problemOf(response);
  return { found: true, history: (await response.json()) as ContainerHistory };
}
