// @sroi/core: the values and shapes every stage shares. Depends on nothing of ours.
export * from './span.js';
export * from './characters.js';
export * from './diagnostic.js';
export * from './messages.js';
export * from './rational.js';
export * from './date.js';
export * from './suggest.js';
export * from './vocabulary.js';
export * from './contract.js';
export * from './ir.js';
export * from './format.js';
export * from './ir-invariants.js';
export * from './ruleset-set.js';
export * from './ir-walk.js';
export * from './result.js';
export * from './json-text.js';
export * from './depth.js';
