import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../src-main/core/contract/index';
import * as names from '../../../src-main/core/contract/names';

/** The preload imports the names only; the contract stays their one source. */
describe('the names-only contract module the preload imports', () => {
  it('lists exactly the contract’s methods and events', () => {
    expect([...names.methodNameList].sort()).toEqual(Object.keys(contract).sort());
    expect([...names.eventNameList].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(names.methodNameList).size).toBe(names.methodNameList.length);
    expect(new Set(names.eventNameList).size).toBe(names.eventNameList.length);
  });

  it('answers like the contract for every name and for names that are not in it', () => {
    for (const method of Object.keys(contract)) expect(names.isMethodName(method), method).toBe(true);
    for (const event of Object.keys(events)) expect(names.isEventName(event), event).toBe(true);
    for (const bogus of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'app.info ', 'APP.INFO', 42, null, undefined, {}]) {
      expect(names.isMethodName(bogus), String(bogus)).toBe(false);
      expect(names.isEventName(bogus), String(bogus)).toBe(false);
    }
  });
});
