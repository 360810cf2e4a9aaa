// The service's own words (rename refusals, quick-fix titles, hover labels) in Dutch and English.
// Diagnostics are not here: they come from the catalogue in @sroi/core, as in the CLI.
import type { Language } from '@sroi/core';

const texts = {
  notAName: {
    nl: 'Hier staat geen naam die hernoemd kan worden',
    en: 'There is no name here that can be renamed',
  },
  keyword: {
    nl: "'{name}' is een sleutelwoord van de taal en kan niet hernoemd worden",
    en: "'{name}' is a keyword of the language and cannot be renamed",
  },
  vocabulary: {
    nl: "'{name}' hoort bij de woordenschat van het contractformaat en kan niet hernoemd worden",
    en: "'{name}' belongs to the contract format's vocabulary and cannot be renamed",
  },
  builtin: {
    nl: "'{name}' is ingebouwd en kan niet hernoemd worden",
    en: "'{name}' is built in and cannot be renamed",
  },
  standardOutcome: {
    nl: "'{name}' is een standaarduitkomst van elk resultaat en kan niet hernoemd worden",
    en: "'{name}' is a standard outcome of every result and cannot be renamed",
  },
  invalidName: {
    nl: "'{name}' is geen geldige naam (letters, cijfers, _ en - tussen woorden; geen sleutelwoord)",
    en: "'{name}' is not a valid name (letters, digits, _ and - between words; not a keyword)",
  },
  collision: {
    nl: "De naam '{name}' bestaat al in {path}",
    en: "The name '{name}' already exists in {path}",
  },
  replaceBy: { nl: "Vervang door '{name}'", en: "Replace with '{name}'" },
  formatRefused: {
    nl: 'Opmaken kan pas als de tekst geen syntaxfouten meer heeft',
    en: 'The text can be formatted once it has no syntax errors',
  },
  overrides: { nl: 'Vervangt in {path}:', en: 'Overrides in {path}:' },
  declaredIn: { nl: 'Gedeclareerd in {path}', en: 'Declared in {path}' },
  unknownDocument: { nl: 'Onbekend document {path}', en: 'Unknown document {path}' },
} as const;

export type TextKey = keyof typeof texts;

/** A text of the service in a language, with `{name}` arguments filled in. */
export function say(key: TextKey, language: Language, args: Readonly<Record<string, string>> = {}): string {
  return texts[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
}
