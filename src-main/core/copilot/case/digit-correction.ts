import { foldText } from './fold-text';
import type { SaidIdentifier } from './identifiers';

/**
 * A correction of the last digits of a number given before: "wait no, it's 3086 at the end", "termina en
 * 3086", "les derniers chiffres sont 3086", "am Ende 3086". Customers re-type only the part they got wrong,
 * so the corrected value is the earlier one with its tail replaced.
 */
const tailCue =
  /\b(at the end|ends? (in|with)|ending (in|with)|last (two |three |four |five |\d )?(digits?|numbers?)|al final|termina (en|con)|acaba en|(los )?ultimos (dos |tres |cuatro |\d )?(digitos|numeros)|a la fin|(se )?termine? par|finit par|(les )?derniers (chiffres|numeros)|am ende|endet (auf|mit)|(die )?letzten (zwei |drei |vier |\d )?(ziffern|stellen|zahlen)|no final|termina com|(os )?ultimos (digitos|numeros))\b/;

/** Kinds whose value is a run of digits a customer may correct by its tail. */
const correctable = new Set<SaidIdentifier['kind']>(['phone', 'order_id']);

/** The digits a trailing correction gives, when the line says it corrects the end of a number. */
export function trailingDigitsIn(text: string): string | undefined {
  const folded = foldText(text);
  if (!tailCue.test(folded)) return undefined;
  const groups = [...folded.matchAll(/(?<![\d-])(\d{2,6})(?![\d-])/g)].map((match) => match[1] ?? '');
  // One short group only: two of them ("3068, no 3086") or a whole number is not a tail to splice.
  return groups.length === 1 ? groups[0] : undefined;
}

/**
 * The identifiers after a trailing correction: the last digit identifier given (a phone or an order id) whose
 * value is longer than the tail gets its last digits replaced. Undefined when nothing fits.
 */
export function withTrailingDigits(given: SaidIdentifier[], tail: string): { given: SaidIdentifier[]; before: SaidIdentifier; after: SaidIdentifier } | undefined {
  for (let index = given.length - 1; index >= 0; index -= 1) {
    const item = given[index];
    if (!item || !correctable.has(item.kind) || !/^\d+$/.test(item.value) || item.value.length <= tail.length) continue;
    const corrected: SaidIdentifier = { kind: item.kind, value: item.value.slice(0, item.value.length - tail.length) + tail };
    if (corrected.value === item.value) return undefined;
    const next = given.filter((other, at) => at !== index && !(other.kind === corrected.kind && other.value === corrected.value));
    next.push(corrected);
    return { given: next, before: item, after: corrected };
  }
  return undefined;
}
