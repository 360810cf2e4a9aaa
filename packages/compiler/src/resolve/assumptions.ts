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

export function listAssumptions(merged: MergedRuleset): Assumption[] {
  const out: Assumption[] = [];
  const take = (owner: string, list: readonly A.Provenance[]) => {
    for (const p of list) if (p.kind === 'aanname') out.push({ owner, text: p.text, span: p.span });
  };
  take('regeling', merged.header.provenance);
  for (const p of merged.header.periods) take(`periode ${p.name.value}`, p.provenance);
  for (const d of merged.declarations) {
    const owner = `${kindWord[d.kind]} ${declarationName(d).name}`;
    switch (d.kind) {
      case 'parameter':
        for (const v of d.versions) take(v.from ? `${owner} vanaf ${v.from.text}` : owner, v.provenance);
        break;
      case 'table':
        take(owner, d.provenance);
        for (const v of d.versions) {
          const when = v.from ? ` vanaf ${v.from.text}` : '';
          take(`${owner}${when}`, v.provenance);
          v.value.forEach((row, i) => take(`${owner}${when}, rij ${i + 1}`, row.provenance));
        }
        break;
      case 'valuation':
        take(owner, d.provenance);
        d.requirements.forEach((r, i) => take(`${owner}, vereiste ${i + 1}`, r.provenance));
        if (d.within) take(`${owner}, binnen`, d.within.provenance);
        break;
      case 'route':
        take(owner, d.provenance);
        if (d.cap) take(`${owner}, maximum`, d.cap.provenance);
        break;
      default:
        take(owner, d.provenance);
    }
  }
  return out.sort((a, b) => a.span.file.localeCompare(b.span.file) || a.span.start - b.span.start);
}
