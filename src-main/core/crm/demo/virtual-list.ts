/**
 * Pages over "base records from index `start`, minus the ones changed since, then the changed
 * ones in change order" without materialising the list: an incremental query over a million
 * generated records stays cheap.
 */
export function virtualPage<T>(options: {
  baseCount: number;
  start: number;
  touched: number[];
  changedTail: T[];
  offset: number;
  limit: number;
  base: (index: number) => T;
}): { items: T[]; nextOffset: number | undefined } {
  const { baseCount, start, touched, changedTail, offset, limit, base } = options;
  const touchedFromStart = touched.filter((index) => index >= start);
  const touchedSet = new Set(touchedFromStart);
  const baseSize = Math.max(0, baseCount - start - touchedFromStart.length);
  const items: T[] = [];
  let position = offset;
  if (position < baseSize) {
    let index = start + position;
    for (const t of touchedFromStart) {
      if (t <= index) index += 1;
      else break;
    }
    while (items.length < limit && position < baseSize && index < baseCount) {
      if (!touchedSet.has(index)) {
        items.push(base(index));
        position += 1;
      }
      index += 1;
    }
  }
  while (items.length < limit && position - baseSize < changedTail.length) {
    const item = changedTail[position - baseSize];
    if (item !== undefined) items.push(item);
    position += 1;
  }
  const total = baseSize + changedTail.length;
  return { items, nextOffset: position < total ? position : undefined };
}
