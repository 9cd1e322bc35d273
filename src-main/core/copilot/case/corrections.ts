import type { CaseCorrection, CaseSlotName, CaseState } from './case-types';
import { flowOfSubflow, isKnownSubflow, subflowLabel } from './flows';
import type { IdentityLookup } from './identity';
import { caseSteps } from './steps';

/**
 * The agent's corrections win over what the copilot inferred, on every later turn too: they are kept in the
 * case and re-applied after each update, newest last.
 */
export function applyCorrections(state: CaseState, context: { lookup: IdentityLookup; doneTools: string[]; orderKnown: boolean }): CaseState {
  if (state.corrections.length === 0) return state;
  let next: CaseState = { ...state, slots: { ...state.slots } };
  const doneSteps: string[] = [];
  for (const correction of state.corrections) {
    if (correction.field === 'request') {
      const subflow = correction.value;
      const known = isKnownSubflow(subflow);
      next.request = {
        flow: known ? flowOfSubflow(subflow) : null,
        subflow: known ? subflow : null,
        intent: known ? (next.request?.intent ?? null) : subflow,
        label: known ? subflowLabel(subflow) : subflow.replace(/_/g, ' '),
        confidence: 1,
        openedAtLine: next.request?.openedAtLine ?? Math.max(0, next.acts.length - 1),
      };
      next.caseKey = `case-agent-${correction.at}`;
    } else if (correction.field === 'identity') {
      const contact = correction.value ? context.lookup.contactIdentifiers(correction.value) : undefined;
      next.identity = contact
        ? { ...next.identity, status: 'verified', customerId: contact.id, customerName: contact.name, conflict: null, source: 'agent' }
        : { ...next.identity, status: 'unknown', customerId: null, customerName: null, matched: [], conflict: null, source: 'agent' };
    } else if (correction.field === 'resolved') {
      next.resolved = correction.value === 'true';
    } else if (correction.field.startsWith('slot:')) {
      const slot = correction.field.slice(5) as CaseSlotName;
      if (correction.value) next.slots[slot] = correction.value;
      else delete next.slots[slot];
    } else if (correction.field.startsWith('step:')) {
      doneSteps.push(correction.field.slice(5));
    }
  }
  next = { ...next, steps: caseSteps(next.request?.subflow ?? null, next.identity, next.slots, context.doneTools, context.orderKnown && next.identity.customerId !== null, doneSteps) };
  return next;
}

export function withCorrection(state: CaseState, correction: CaseCorrection, context: Parameters<typeof applyCorrections>[1]): CaseState {
  // A newer correction of the same field replaces the older one; every other is kept.
  const corrections = [...state.corrections.filter((item) => item.field !== correction.field), correction];
  return applyCorrections({ ...state, corrections }, context);
}
