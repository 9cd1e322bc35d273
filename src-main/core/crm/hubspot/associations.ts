import type { HttpClient } from '../http-client';

/** HubSpot's search and batch read answer without associations; v4 batch reads supply them, 100 ids a call at most. */
export const associationBatchSize = 100;

/** The association pairs each object needs, from its own side. */
export const associationTargets: Record<string, string[]> = {
  contacts: [],
  orders: ['contacts', 'line_items'],
  line_items: ['orders'],
  tickets: ['contacts', 'orders'],
};

interface V4Result {
  from?: { id?: unknown };
  to?: { toObjectId?: unknown }[];
}

const idText = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null);

/**
 * The ids each `from` record is associated with in `toType`. A 207 lists the records with none as
 * errors, which simply means no association.
 */
export async function readAssociations(http: HttpClient, fromType: string, toType: string, ids: string[], signal?: AbortSignal): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (let start = 0; start < ids.length; start += associationBatchSize) {
    const inputs = ids.slice(start, start + associationBatchSize).map((id) => ({ id }));
    const body = (await http.request({
      method: 'POST',
      path: `/crm/v4/associations/${encodeURIComponent(fromType)}/${encodeURIComponent(toType)}/batch/read`,
      body: { inputs },
      ...(signal ? { signal } : {}),
    })) as { results?: V4Result[] } | null;
    for (const result of body?.results ?? []) {
      const from = idText(result.from?.id);
      if (!from) continue;
      const to = (result.to ?? []).map((entry) => idText(entry.toObjectId)).filter((id): id is string => id !== null);
      found.set(from, [...(found.get(from) ?? []), ...to]);
    }
  }
  return found;
}

/** Puts v4 associations on raw records in the v3 shape (`associations.<type>.results[].id`) the schemas read. */
export async function attachAssociations(http: HttpClient, type: string, raws: unknown[], signal?: AbortSignal): Promise<unknown[]> {
  const targets = associationTargets[type] ?? [];
  if (targets.length === 0 || raws.length === 0) return raws;
  const ids = raws.map((raw) => idText((raw as { id?: unknown } | null)?.id)).filter((id): id is string => id !== null);
  const byTarget = await Promise.all(targets.map(async (target) => [target, await readAssociations(http, type, target, ids, signal)] as const));
  return raws.map((raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const id = idText((raw as { id?: unknown }).id);
    if (!id) return raw;
    const associations: Record<string, { results: { id: string }[] }> = {};
    for (const [target, map] of byTarget) {
      const to = map.get(id);
      if (to && to.length > 0) associations[target] = { results: to.map((value) => ({ id: value })) };
    }
    return { ...raw, associations };
  });
}
