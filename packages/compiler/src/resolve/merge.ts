// Merging a ruleset with its bases: a variant states only its differences (`breidt uit`).
// A declaration replaces the base's declaration with the same identity; the rest is inherited.
import { diagnostic, type Diagnostic, type Span } from '@sroi/core';
import type {
  Declaration,
  Header,
  PathExpression,
  Period,
  Provenance,
  Ruleset,
  SourceDocument,
  Text,
} from '../ast/ast.js';

/** The identity under which a declaration overrides a base declaration of the same identity. */
export function declarationKey(d: Declaration): string | undefined {
  switch (d.kind) {
    case 'enumeration':
      return `opsomming ${d.name.name}`;
    // Parameters, tables and contract definitions share one namespace: a variant may turn a
    // base parameter into a table or a formula (Schiedam's threshold per opdrachtsoort).
    case 'parameter':
    case 'table':
      return `waarde ${d.name.name}`;
    case 'definition':
      return d.scope ? `definitie ${d.scope.name}.${d.name.name}` : `waarde ${d.name.name}`;
    case 'valuation':
      return `waardering ${d.activityKind.name}`;
    case 'route':
      return `route ${d.name.name}`;
    case 'outcome':
      return `uitkomst ${d.name.name}`;
    case 'property':
      return `eigenschap ${d.title.value}`;
    case 'example':
      return undefined;
  }
}

const kindWords: Record<Declaration['kind'], string> = {
  enumeration: 'Opsomming',
  parameter: 'Naam',
  table: 'Naam',
  definition: 'Naam',
  valuation: 'Waardering voor',
  route: 'Route',
  outcome: 'Uitkomst',
  example: 'Voorbeeld',
  property: 'Eigenschap',
};

export const declarationName = (d: Declaration): { name: string; span: Span } => {
  switch (d.kind) {
    case 'valuation':
      return { name: d.activityKind.name, span: d.activityKind.span };
    case 'example':
    case 'property':
      return { name: d.title.value, span: d.title.span };
    default:
      return { name: d.name.name, span: d.name.span };
  }
};

/** One ruleset as the checker sees it: effective declarations of the whole chain. */
export interface MergedRuleset {
  readonly root: Ruleset;
  readonly header: {
    readonly name: Text;
    readonly version?: Text;
    readonly region?: Text;
    readonly municipality?: Text;
    readonly provenance: readonly Provenance[];
    /** The documents of the whole chain: a variant quotes its bases' documents too. */
    readonly documents: readonly SourceDocument[];
    readonly referenceDate?: PathExpression;
    readonly periods: readonly Period[];
    readonly span: Header['span'];
  };
  /** Names of the bases, nearest first. */
  readonly bases: readonly { name: string; file: string }[];
  readonly declarations: readonly Declaration[];
  /** Which declaration of the root (or a nearer base) replaced which base declaration. */
  readonly overrides: readonly { readonly base: Declaration; readonly by: Declaration }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Merges `chain` (root first). Examples are never inherited: they test their own file. */
export function mergeChain(chain: readonly Ruleset[]): MergedRuleset {
  const diagnostics: Diagnostic[] = [];
  const root = chain[0]!;
  const effective = new Map<string, Declaration>();
  const order: Declaration[] = [];
  const overrides: { base: Declaration; by: Declaration }[] = [];
  // Walk from the farthest base to the root, so nearer files replace farther ones.
  for (let level = chain.length - 1; level >= 0; level--) {
    const file = chain[level]!;
    const ownKeys = new Map<string, Declaration>();
    for (const d of file.declarations) {
      if (d.kind === 'example' && level > 0) continue;
      const key = declarationKey(d);
      if (key === undefined) {
        order.push(d);
        continue;
      }
      const twin = ownKeys.get(key);
      if (twin) {
        const { name, span } = declarationName(d);
        diagnostics.push(
          diagnostic(
            'SR2002',
            { kind: kindWords[d.kind], name: `'${name}'` },
            { span },
            {
              related: [
                {
                  span: declarationName(twin).span,
                  code: 'SR2002',
                  args: { kind: kindWords[twin.kind], name: `'${name}'` },
                },
              ],
            },
          ),
        );
        continue;
      }
      ownKeys.set(key, d);
      const replaced = effective.get(key);
      if (replaced) {
        overrides.push({ base: replaced, by: d });
        order[order.indexOf(replaced)] = d;
      } else order.push(d);
      effective.set(key, d);
    }
  }
  // The nearest file that says a header item wins.
  const pick = <K extends keyof Header>(k: K): Header[K] | undefined =>
    chain.find((r) => r.header[k] !== undefined)?.header[k];
  const periods = chain.find((r) => r.header.periods.length > 0)?.header.periods ?? [];
  // A document the root (or a nearer base) declares under a base's name replaces the base's.
  const documents = new Map<string, SourceDocument>();
  for (const r of [...chain].reverse())
    for (const d of r.header.documents) {
      documents.delete(d.name.name);
      documents.set(d.name.name, d);
    }
  return {
    root,
    header: {
      name: root.header.name,
      ...(pick('version') ? { version: pick('version')! } : {}),
      ...(pick('region') ? { region: pick('region')! } : {}),
      ...(pick('municipality') ? { municipality: pick('municipality')! } : {}),
      provenance: root.header.provenance,
      documents: [...documents.values()],
      ...(pick('referenceDate') ? { referenceDate: pick('referenceDate')! } : {}),
      periods,
      span: root.header.span,
    },
    bases: chain.slice(1).map((r) => ({ name: r.header.name.value, file: r.file })),
    declarations: order,
    overrides,
    diagnostics,
  };
}
