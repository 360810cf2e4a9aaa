// The provisional values of a ruleset (`aanname`): listed by `sroi check --aannames`, so a policy
// officer sees every value still waiting for an official source, and where to replace it.
import type { Span } from '@sroi/core';
import type * as A from '../ast/ast.js';
import type { MergedRuleset } from './merge.js';
import { declarationName } from './merge.js';

export interface Assumption {
  /** What the assumption is about: "parameter drempel", "tabel jaarwaarde_plaatsing, rij 3". */
  readonly owner: string;
  readonly text: string;
  readonly span: Span;
}

const kindWord: Record<A.Declaration['kind'], string> = {
  enumeration: 'opsomming',
  parameter: 'parameter',
  table: 'tabel',
  definition: 'definitie',
  valuation: 'waardering',
  route: 'route',
  outcome: 'uitkomst',
  example: 'voorbeeld',
  property: 'eigenschap',
};

/**
 * Visits every `bron` and `aanname` list of a merged ruleset with what it is about ("parameter
 * drempel vanaf 2023-07-01", "tabel jaarwaarde_plaatsing, rij 3"): the header, the periods, and
 * every level of every declaration.
 */
export function eachProvenance(
  merged: MergedRuleset,
  visit: (owner: string, list: readonly A.Provenance[]) => void,
): void {
  visit('regeling', merged.header.provenance);
  for (const p of merged.header.periods) visit(`periode ${p.name.value}`, p.provenance);
  for (const d of merged.declarations) {
    const owner = `${kindWord[d.kind]} ${declarationName(d).name}`;
    switch (d.kind) {
      case 'parameter':
        for (const v of d.versions) visit(v.from ? `${owner} vanaf ${v.from.text}` : owner, v.provenance);
        break;
      case 'table':
        visit(owner, d.provenance);
        for (const v of d.versions) {
          const when = v.from ? ` vanaf ${v.from.text}` : '';
          visit(`${owner}${when}`, v.provenance);
          v.value.forEach((row, i) => visit(`${owner}${when}, rij ${i + 1}`, row.provenance));
        }
        break;
      case 'valuation':
        visit(owner, d.provenance);
        d.requirements.forEach((r, i) => visit(`${owner}, vereiste ${i + 1}`, r.provenance));
        if (d.within) visit(`${owner}, binnen`, d.within.provenance);
        break;
      case 'route':
        visit(owner, d.provenance);
        if (d.cap) visit(`${owner}, maximum`, d.cap.provenance);
        break;
      default:
        visit(owner, d.provenance);
    }
  }
}

export function listAssumptions(merged: MergedRuleset): Assumption[] {
  const out: Assumption[] = [];
  eachProvenance(merged, (owner, list) => {
    for (const p of list) if (p.kind === 'aanname') out.push({ owner, text: p.text, span: p.span });
  });
  return out.sort((a, b) => a.span.file.localeCompare(b.span.file) || a.span.start - b.span.start);
}
