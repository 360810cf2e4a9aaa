// The shipped rulesets and sample contracts, bundled into the site at build time.
const sources = import.meta.glob<string>('../../rulesets/*.sroi', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const samples = import.meta.glob<unknown>('../../rulesets/examples/*.json', {
  import: 'default',
  eager: true,
});

export interface ShippedRuleset {
  /** The file name without `.sroi`: the name deep links use (`#ruleset=rijnmond-2023-2027`). */
  readonly name: string;
  /** The path the compiler and diagnostics use: `rulesets/<name>.sroi`. */
  readonly path: string;
  /** The `regeling "..."` title, for the picker. */
  readonly title: string;
  readonly text: string;
}

const baseName = (key: string) => key.slice(key.lastIndexOf('/') + 1).replace(/\.[a-z]+$/, '');

export const shippedRulesets: readonly ShippedRuleset[] = Object.entries(sources)
  .map(([key, text]) => ({
    name: baseName(key),
    path: `rulesets/${baseName(key)}.sroi`,
    title: /^regeling\s+"([^"]*)"/m.exec(text)?.[1] ?? baseName(key),
    text,
  }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Every shipped file by path, for `breidt uit`. */
export const shippedFiles: Readonly<Record<string, string>> = Object.fromEntries(
  shippedRulesets.map((r) => [r.path, r.text]),
);

const sets = import.meta.glob<{ naam: string; regelingen: string[] }>('../../rulesets/*.set.json', {
  import: 'default',
  eager: true,
});

/** A shipped region set (`rulesets/*.set.json`): its rulesets over time, by path. */
export interface ShippedSet {
  readonly path: string;
  readonly title: string;
  readonly members: readonly string[];
}

export const shippedSets: readonly ShippedSet[] = Object.entries(sets).map(([key, s]) => ({
  path: `rulesets/${key.slice(key.lastIndexOf('/') + 1)}`,
  title: s.naam,
  members: s.regelingen.map((r) => `rulesets/${r}`),
}));

export const sampleContracts: readonly { readonly name: string; readonly contract: unknown }[] =
  Object.entries(samples).map(([key, contract]) => ({ name: baseName(key), contract }));

export const defaultRuleset = 'rijnmond-2023-2027';

export const findRuleset = (name: string): ShippedRuleset | undefined =>
  shippedRulesets.find((r) => r.name === name);
