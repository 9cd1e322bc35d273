/**
 * The retailer's return policy (guidelines.json, "Membership Privileges"): gold members get unlimited returns;
 * silver within 6 months of purchase, bronze within 90 days, guest within 30 days; any level may return with
 * the receipt or in the original packaging. Days are counted to `now`, the conversation's clock.
 */
export type ReturnDecision = { allowed: true; why: string } | { allowed: false; why: string } | { allowed: 'unknown'; why: string };

const windowDays: Record<string, number> = { silver: 183, bronze: 90, guest: 30 };

export function returnAllowed(input: { membership: string | undefined; purchaseDate: string | undefined; receipt?: string | undefined; packaging?: string | undefined; now: Date }): ReturnDecision {
  const level = input.membership?.toLowerCase();
  if (!level) return { allowed: 'unknown', why: 'The membership level is not known yet.' };
  if (level === 'gold') return { allowed: true, why: 'Gold members get unlimited returns.' };
  if (input.receipt === 'yes') return { allowed: true, why: 'The customer has the receipt.' };
  if (input.packaging === 'yes') return { allowed: true, why: 'The item is in its original packaging.' };
  const days = windowDays[level];
  if (days === undefined) return { allowed: 'unknown', why: `Unknown membership level ${level}.` };
  if (!input.purchaseDate) return { allowed: 'unknown', why: 'The purchase date is not known yet.' };
  const bought = Date.parse(`${input.purchaseDate.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(bought)) return { allowed: 'unknown', why: 'The purchase date could not be read.' };
  const age = Math.floor((input.now.getTime() - bought) / 86_400_000);
  const label = level === 'silver' ? '6 months' : `${days} days`;
  if (age <= days) return { allowed: true, why: `${level[0]?.toUpperCase()}${level.slice(1)} members can return within ${label}; bought ${age} days ago.` };
  if (input.receipt === undefined && input.packaging === undefined) return { allowed: 'unknown', why: `Bought ${age} days ago, outside the ${label} ${level} window, unless there is a receipt or the original packaging.` };
  return { allowed: false, why: `Bought ${age} days ago: outside the ${label} window for ${level} members, with no receipt or original packaging.` };
}
