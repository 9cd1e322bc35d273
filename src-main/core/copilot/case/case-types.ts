/**
 * The case state's shape is the contract's (the case card shows it and the agent corrects it), so the contract
 * never has to import the copilot; the copilot's case modules take it from here.
 */
export * from '../../contract/case-state';
