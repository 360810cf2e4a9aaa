// The severity of every code that is not an error, apart from the catalogue's texts: making a
// diagnostic needs only its severity, so an app that embeds the evaluator does not ship the whole
// catalogue (40 kB) unless it renders messages. TypeScript holds this table to `messages.ts`: a
// code whose catalogue severity is not 'error' must be here with that severity, and nothing else.
import type { messages } from './messages.js';

type Catalogue = typeof messages;
type NotAnError = {
  [C in keyof Catalogue]: Catalogue[C]['severity'] extends 'error' ? never : C;
}[keyof Catalogue];

/** The catalogue's severity of each code that is not an error. */
export const notAnErrorSeverity: { readonly [C in NotAnError]: Catalogue[C]['severity'] } = {
  SR1100: 'warning',
  SR2004: 'warning',
  SR2011: 'warning',
  SR2023: 'warning',
  SR2024: 'warning',
  SR2311: 'info',
  SR3202: 'warning',
  SR4003: 'warning',
  SR4007: 'info',
  SR4105: 'warning',
  SR4107: 'warning',
  SR5102: 'info',
  SR5305: 'warning',
  SR5401: 'info',
  SR6202: 'warning',
  SR6500: 'warning',
  SR6501: 'warning',
  SR6502: 'warning',
};
