// The changes a scenario makes to a base ruleset, as edits of its IR that can be applied one by
// one: a parameter replaced, a table row's outputs replaced, or (when rows differ) a whole table.
// Attribution applies every subset of them, so an edit never depends on another.
import type { IrDocument } from '@sroi/core';

export type IrParameter = IrDocument['parameters'][number];
export type IrTable = IrDocument['tables'][number];
export type IrRow = IrTable['versions'][number]['rows'][number];

/** One edit of a ruleset's IR. */
export type Edit =
  | { readonly kind: 'parameter'; readonly name: string; readonly replacement: IrParameter }
  | {
      readonly kind: 'row';
      readonly table: string;
      readonly version: number;
      readonly row: number;
      readonly replacement: IrRow;
    }
  | { readonly kind: 'table'; readonly name: string; readonly replacement: IrTable };

/** The IR with the edits applied (the input is not changed; unchanged parts are shared). */
export function applyEdits(ir: IrDocument, edits: readonly Edit[], files?: readonly string[]): IrDocument {
  if (edits.length === 0 && !files) return ir;
  const parameters = ir.parameters.slice();
  const tables = ir.tables.slice();
  for (const e of edits) {
    if (e.kind === 'parameter') {
      const i = parameters.findIndex((p) => p.name === e.name);
      if (i >= 0) parameters[i] = e.replacement;
    } else if (e.kind === 'table') {
      const i = tables.findIndex((t) => t.name === e.name);
      if (i >= 0) tables[i] = e.replacement;
    } else {
      const i = tables.findIndex((t) => t.name === e.table);
      const t = tables[i];
      if (!t || !t.versions[e.version]?.rows[e.row]) continue;
      const versions = t.versions.slice();
      const v = versions[e.version]!;
      const rows = v.rows.slice();
      rows[e.row] = e.replacement;
      versions[e.version] = { ...v, rows };
      tables[i] = { ...t, versions };
    }
  }
  return { ...ir, parameters, tables, ...(files ? { files: [...files] } : {}) };
}

/** A changed parameter or table row of a scenario: one player of the attribution. */
export interface Player {
  /** How reports name it: `sr_percentage`, `jaarwaarde_plaatsing[participatiewet]`. */
  readonly label: string;
  /**
   * The value in the base and in the scenario, as people read them: every distinct base value
   * (per period; per member of a set, named after its ruleset, when the members differ).
   */
  readonly from: string;
  readonly to: string;
  /** `from` and `to` in English notation (`€ 40,000.00 per year`), for reports in English. */
  readonly en: { readonly from: string; readonly to: string };
}

/** A scenario against one member of the base: edits per player, or a whole IR when not separable. */
export type MemberVariant =
  | { readonly edits: readonly (readonly Edit[])[]; readonly files?: readonly string[] }
  | { readonly whole: IrDocument };

/** A scenario, ready to be evaluated (plain JSON: it goes to worker threads as is). */
export interface ScenarioSpec {
  readonly name: string;
  readonly players: readonly Player[];
  /** One entry per base member, in the base's order. */
  readonly members: readonly MemberVariant[];
  /** Why there is no attribution, when there is none. */
  readonly noAttribution?: string;
}

/** The IR of a base member with the players in `mask` applied. */
export function variantIr(base: IrDocument, variant: MemberVariant, mask: number): IrDocument {
  if ('whole' in variant) return mask === 0 ? base : variant.whole;
  const edits: Edit[] = [];
  variant.edits.forEach((e, i) => {
    if (mask & (1 << i)) edits.push(...e);
  });
  return edits.length === 0 ? base : applyEdits(base, edits, variant.files);
}

/** The players a member variant is touched by, as a mask (a whole replacement: all of them). */
export function relevantMask(variant: MemberVariant, players: number): number {
  if ('whole' in variant) return (1 << players) - 1;
  let m = 0;
  variant.edits.forEach((e, i) => {
    if (e.length > 0) m |= 1 << i;
  });
  return m;
}
