/** "order_id" / "orderId" → "order id", for showing tool arguments to a person. */
export function humanise(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

export function plainValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${humanise(key)} ${plainValue(inner)}`)
      .join(', ');
  }
  return String(value);
}

export function argumentLines(args: Record<string, unknown>): { key: string; label: string; value: string; editable: boolean }[] {
  // amountCents is main's own copy of `amount` in whole cents: shown (and edited) once, as the amount.
  return Object.entries(args)
    .filter(([key]) => key !== 'amountCents')
    .map(([key, value]) => ({
    key,
    label: humanise(key),
    value: plainValue(value),
    editable: value === null || ['string', 'number', 'boolean'].includes(typeof value),
  }));
}

export function toolTitle(tool: string): string {
  const words = humanise(tool);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
