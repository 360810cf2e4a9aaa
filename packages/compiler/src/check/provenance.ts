// Provenance: every value carries its origin (docs/domain.md: "every number carries its provenance").
// A parameter version, a table row, or a formula that writes an amount of its own must say
// `bron` or `aanname` — at its own level or at an enclosing one (table, table version).
import { Rational, diagnostic, type Diagnostic } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { childrenOf } from './dependencies.js';

/**
 * Whether a formula writes a policy value of its own: a non-zero amount, a percentage, a
 * duration, or a number other than 0 and 1. Rounding quanta (€ 0,01, 0,01%) are notation.
 */
function writesValue(e: A.Expression): boolean {
  let found = false;
  const visit = (x: A.Expression): void => {
    if (found) return;
    if (x.kind === 'rounding') return visit(x.value);
    if (x.kind === 'money') {
      found = !x.cents.isZero();
      return;
    }
    if (x.kind === 'number') {
      found = x.unit !== undefined || !(x.value.isZero() || x.value.eq(Rational.ONE));
      return;
    }
    childrenOf(x).forEach(visit);
  };
  visit(e);
  return found;
}

export function checkProvenance(declarations: readonly A.Declaration[], rootFile: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const missing = (what: string, span: A.Node['span']) => out.push(diagnostic('SR2024', { what }, { span }));
  for (const d of declarations) {
    if (d.span.file !== rootFile) continue;
    switch (d.kind) {
      case 'parameter':
        for (const v of d.versions)
          if (v.provenance.length === 0)
            missing(
              `Parameter '${d.name.name}'${v.from ? ` vanaf ${v.from.text}` : ''}`,
              v.from?.span ?? d.name.span,
            );
        break;
      case 'table':
        for (const v of d.versions)
          v.value.forEach((row, i) => {
            if (row.provenance.length === 0 && v.provenance.length === 0 && d.provenance.length === 0)
              missing(`Rij ${i + 1} van tabel '${d.name.name}'`, row.span);
          });
        break;
      case 'definition':
      case 'outcome':
        if (d.provenance.length === 0 && writesValue(d.value))
          missing(`${d.kind === 'definition' ? 'Definitie' : 'Uitkomst'} '${d.name.name}'`, d.name.span);
        break;
      case 'valuation':
        if (d.provenance.length === 0 && writesValue(d.value))
          missing(`Waardering '${d.activityKind.name}'`, d.activityKind.span);
        break;
      case 'route':
        if (d.cap && d.cap.provenance.length === 0 && d.provenance.length === 0 && writesValue(d.cap.value))
          missing(`Het maximum van route '${d.name.name}'`, d.cap.span);
        break;
      default:
        break;
    }
  }
  return out;
}
