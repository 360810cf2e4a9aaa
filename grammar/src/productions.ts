// The grammar as data, for CST type generation, syntax diagrams and editor tooling.
import type { ISerializedGast } from 'chevrotain';
import { sroiParser } from './parser.js';

export const grammarProductions = () => sroiParser.getGAstProductions();
export const serializedGrammar = (): ISerializedGast[] => sroiParser.getSerializedGastProductions();
