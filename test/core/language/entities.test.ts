import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src-main/core/language/index';
import { bundledTrainingFiles } from '../../../src-main/core/language/intent/training-data';
import { parseCsv } from '../../../src-main/core/text/csv';
import { readFileSync } from 'node:fs';

const tagged = parseCsv(readFileSync(bundledTrainingFiles.responses, 'utf8'));

function recallFor(entityType: string, ourType: string): { n: number; recall: number } {
  const rows = tagged.filter((row) => row.entity_type === entityType);
  let found = 0;
  for (const row of rows) {
    const text = row.instruction ?? '';
    // The file's offsets are sometimes off by a character or two: count a hit when our span
    // overlaps the tagged one and holds the tagged value's digits.
    const start = Number(row.start_offset);
    const end = Math.min(text.length, Number(row.end_offset));
    const digits = text.slice(start, end).replace(/\D/g, '');
    const entities = extractEntities(text).filter((entity) => entity.type === ourType);
    if (entities.some((entity) => entity.start < end && entity.end > start && entity.value.replace(/\D/g, '').includes(digits))) found += 1;
  }
  return { n: rows.length, recall: found / Math.max(1, rows.length) };
}

describe('entity extraction', () => {
  it('finds the order ids tagged in the Bitext responses file at their offsets', () => {
    const { n, recall } = recallFor('order_id', 'order_id');
    expect(n).toBeGreaterThan(400);
    expect(recall).toBeGreaterThan(0.9);
  });

  it('finds the refund amounts tagged in the responses file', () => {
    const { n, recall } = recallFor('refund_amount', 'amount');
    expect(n).toBeGreaterThan(50);
    expect(recall).toBeGreaterThan(0.8);
  });

  it('reports each kind with exact offsets into the original text', () => {
    const text = 'Hi, order #A-55821 arrived broken. My username is jdoe_77, mail jdoe@example.org, call +1 (415) 555-0132, I paid $129.99 on 2026-03-04 to 221 Baker Street.';
    const entities = extractEntities(text);
    for (const entity of entities) expect(text.slice(entity.start, entity.end)).toBe(entity.value);
    const byType = Object.fromEntries(entities.map((entity) => [entity.type, entity.value]));
    expect(byType).toMatchObject({
      order_id: 'A-55821',
      username: 'jdoe_77',
      email: 'jdoe@example.org',
      phone: '+1 (415) 555-0132',
      amount: '$129.99',
      date: '2026-03-04',
      address: '221 Baker Street',
    });
  });

  it('keeps offsets right when zero-width characters hide inside a value', () => {
    const text = 'email: ja\u200Bne@exam\u200Dple.com';
    const [email] = extractEntities(text);
    expect(email?.type).toBe('email');
    expect(text.slice(email?.start, email?.end)).toBe('ja\u200Bne@exam\u200Dple.com');
  });
});
