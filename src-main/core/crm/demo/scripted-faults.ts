import { HttpError, asRecord } from './http';

/**
 * One-shot faults queued by a test (`POST /__demo/faults`), for the exactly-once cases HubSpot can
 * produce and random faults cannot aim at: the next matching API request fails before acting
 * (`when: "before"`), or acts and then answers an error (`when: "after"`, with `status`), or acts and
 * answers only after `delayMs` (a client's timeout fires while the CRM has already acted).
 */
export interface ScriptedFault {
  method?: string;
  /** The request path starts with this (e.g. `/crm/v3/objects/tickets`); any API path when absent. */
  pathPrefix?: string;
  when: 'before' | 'after';
  status?: number;
  delayMs?: number;
}

const maxQueued = 100;

export class ScriptedFaults {
  private readonly queue: ScriptedFault[] = [];

  add(raw: unknown): number {
    const list = asRecord(raw).faults;
    if (!Array.isArray(list) || list.length === 0 || list.length + this.queue.length > maxQueued) throw new HttpError(400, 'VALIDATION_ERROR', `faults must be a non-empty array (at most ${maxQueued} queued)`);
    for (const item of list) {
      const fault = asRecord(item);
      const when = fault.when;
      if (when !== 'before' && when !== 'after') throw new HttpError(400, 'VALIDATION_ERROR', 'when must be "before" or "after"');
      const status = fault.status === undefined ? undefined : Number(fault.status);
      if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) throw new HttpError(400, 'VALIDATION_ERROR', 'status must be 400-599');
      const delayMs = fault.delayMs === undefined ? undefined : Number(fault.delayMs);
      if (delayMs !== undefined && !(delayMs >= 0 && delayMs <= 120_000)) throw new HttpError(400, 'VALIDATION_ERROR', 'delayMs must be 0-120000');
      if (status === undefined && delayMs === undefined) throw new HttpError(400, 'VALIDATION_ERROR', 'a fault needs a status or a delayMs');
      this.queue.push({
        when,
        ...(typeof fault.method === 'string' ? { method: fault.method.toUpperCase() } : {}),
        ...(typeof fault.pathPrefix === 'string' ? { pathPrefix: fault.pathPrefix } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(delayMs !== undefined ? { delayMs } : {}),
      });
    }
    return this.queue.length;
  }

  /** Takes the first queued fault this request matches, if any. */
  take(method: string, path: string): ScriptedFault | undefined {
    const index = this.queue.findIndex((fault) => (!fault.method || fault.method === method) && (!fault.pathPrefix || path.startsWith(fault.pathPrefix)));
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }
}
