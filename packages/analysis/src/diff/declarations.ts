// The structural half of `sroi diff`: two rulesets' IR compared declaration by declaration, by
// identity and by meaning. Values are compared per date from the start of each ruleset's periods,
// formulas as normalised expressions; spans and formula texts are shown, never compared.
import {
  parseIsoDate,
  type IrCell,
  type IrProvenance,
  type IrType,
  type IrValue,
  type Language,
} from '@sroi/core';
import {
  canonical,
  closure,
  identity,
  indexIr,
  isValued,
  normalize,
  type IrDefinition,
  type IrIndex,
  type IrParameter,
  type IrTable,
  type IrValuation,
} from '../ir-walk.js';
import { describePeriods, periodRanges } from '../periods.js';
import { placeOf, type Place, type ReviewedRuleset } from '../ruleset.js';
import { showIrValue } from '../values.js';
import { formulaFragments } from './fragments.js';
import {
  categoryOrder,
  type ChangeAspect,
  type DatedValue,
  type DiffCategory,
  type DiffChange,
  type DiffSide,
  type DiffSubject,
  type ProvenanceNote,
} from './model.js';

const words = {
  nl: { from: 'vanaf', notValued: 'niet gewaardeerd', rows: 'rijen', none: 'geen', through: 't/m' },
  en: { from: 'from', notValued: 'not valued', rows: 'rows', none: 'none', through: 'to' },
} as const;

/** One ruleset with what the comparison needs of it. */
class Side {
  readonly index: IrIndex;
  readonly start: number;
  constructor(
    readonly r: ReviewedRuleset,
    readonly lang: Language,
  ) {
    this.index = indexIr(r.ir);
    this.start = periodRanges(r.ir)[0]?.from ?? Number.NEGATIVE_INFINITY;
  }
  get w() {
    return words[this.lang];
  }
  notes(list: readonly IrProvenance[]): ProvenanceNote[] {
    return list.map((p) => {
      const place = placeOf(this.r, p.at);
      return { kind: p.kind, text: p.text, ...(place ? { place } : {}) };
    });
  }
  place(at: Parameters<typeof placeOf>[1]): { place?: Place } {
    const place = placeOf(this.r, at);
    return place ? { place } : {};
  }
  replaces(id: string): { replaces?: Place } {
    const base = this.r.overrides.get(id);
    return base ? { replaces: base } : {};
  }
  /**
   * A value history as of the start of the periods: a version dated on or before the first day of
   * the periods counts from the start; equal consecutive values merge.
   */
  history(entries: readonly { from?: string; raw: readonly IrValue[]; text: string }[]): DatedValue[] {
    const day = (from?: string) =>
      from ? (parseIsoDate(from) ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
    const sorted = [...entries].sort((x, y) => day(x.from) - day(y.from));
    const out: DatedValue[] = [];
    for (const e of sorted) {
      const startsLater = day(e.from) > this.start;
      if (!startsLater && out.length > 0) out.length = 0; // superseded before the periods begin
      const prev = out[out.length - 1];
      if (prev && canonical(prev.raw) === canonical(e.raw)) continue;
      out.push({ ...(startsLater ? { from: e.from } : {}), text: e.text, raw: e.raw });
    }
    return out;
  }
  historyText(values: readonly DatedValue[]): string {
    return values.map((v) => (v.from ? `${this.w.from} ${v.from}: ${v.text}` : v.text)).join('; ');
  }
}

const sameCanonical = (x: unknown, y: unknown) => canonical(normalize(x)) === canonical(normalize(y));

const provenanceKey = (notes: readonly ProvenanceNote[]) => canonical(notes.map((n) => [n.kind, n.text]));

// ── sides of each kind of declaration ──────────────────────────────────────────

function parameterSide(s: Side, p: IrParameter): DiffSide {
  const values = s.history(
    p.versions.map((v) => ({
      ...(v.from ? { from: v.from } : {}),
      raw: [v.value],
      text: showIrValue(v.value, p.type, s.lang),
    })),
  );
  return {
    declaration: 'parameter',
    text: s.historyText(values),
    values,
    provenance: s.notes(p.versions.flatMap((v) => v.provenance)),
    ...s.place(p.at),
    ...s.replaces(identity.value(p.name)),
  };
}

const cellText = (cell: IrCell, type: IrType, lang: Language): string => {
  if ('any' in cell) return '-';
  if ('in' in cell) return cell.in.map((v) => showIrValue(v, type, lang)).join(', ');
  return cell.cmp
    .map(([op, v]) => `${op} ${showIrValue(v, type, lang)}`)
    .join(lang === 'nl' ? ' en ' : ' and ');
};

type IrRow = IrTable['versions'][number]['rows'][number];

/** A row's identity within its table: its input cells. */
const rowKey = (row: IrRow) => canonical(row.when);

function rowKeyText(t: IrTable, row: IrRow, lang: Language): string {
  return row.when.map((c, i) => cellText(c, t.inputs[i]?.type ?? { t: 'getal' }, lang)).join(' | ');
}

function rowValueText(t: IrTable, row: IrRow, lang: Language): { raw: IrValue[]; text: string } {
  const raw: IrValue[] = [];
  const parts = row.then.map((e, i) => {
    const col = t.outputs[i];
    if (e.k !== 'const') return row.src;
    raw.push(e.v);
    const text = showIrValue(e.v, col?.type ?? { t: 'getal' }, lang);
    return t.outputs.length > 1 ? `${col?.name ?? i}: ${text}` : text;
  });
  return {
    raw: row.then.every((e) => e.k === 'const') ? raw : [{ text: canonical(normalize(row.then)) }],
    text: parts.join(', '),
  };
}

const tableSignature = (t: IrTable) => ({
  hitPolicy: t.hitPolicy,
  inputs: t.inputs,
  outputs: t.outputs,
});

/** A type as the language writes it: "bedrag per jaar", "duur in maanden", "doelgroep". */
export function showType(ty: IrType): string {
  const optional = ty.optional ? ' optioneel' : '';
  switch (ty.t) {
    case 'tarief':
      return `bedrag per ${ty.per}${optional}`;
    case 'duur':
      return `duur in ${ty.unit === 'maand' ? 'maanden' : ty.unit === 'jaar' ? 'jaren' : ty.unit === 'uur' ? 'uren' : ty.unit}${optional}`;
    case 'opsomming':
      return `${ty.name}${optional}`;
    case 'rij':
      return `rij van ${ty.table}${optional}`;
    default:
      return `${ty.t}${optional}`;
  }
}

function signatureText(t: IrTable): string {
  const type = showType;
  return `[${t.hitPolicy}] (${t.inputs.map((c) => `${c.name}: ${type(c.type)}`).join(', ')}) → (${t.outputs
    .map((c) => `${c.name}: ${type(c.type)}`)
    .join(', ')})`;
}

function tableSide(s: Side, t: IrTable, withRows = false): DiffSide {
  const last = t.versions[t.versions.length - 1]!;
  return {
    declaration: 'tabel',
    text: `${signatureText(t)}, ${last.rows.length} ${s.w.rows}`,
    ...(withRows
      ? {
          rows: last.rows.map((r) => ({
            key: rowKeyText(t, r, s.lang),
            text: rowValueText(t, r, s.lang).text,
          })),
        }
      : {}),
    provenance: s.notes([...t.provenance, ...t.versions.flatMap((v) => v.provenance)]),
    ...s.place(t.at),
    ...s.replaces(identity.value(t.name)),
  };
}

/** Every row of a table with its value history over the table's versions. */
function tableRows(s: Side, t: IrTable) {
  const keys: string[] = [];
  const rows = new Map<string, IrRow>();
  // Each version's rows by key, each key computed once: looking rows up by scanning was quadratic
  // (a 5,000-row table took 45 s in `sroi matrix`).
  const byVersion = t.versions.map((v) => {
    const own = new Map<string, IrRow>();
    for (const r of v.rows) {
      const key = rowKey(r);
      if (!own.has(key)) own.set(key, r);
      if (!rows.has(key)) keys.push(key);
      rows.set(key, r);
    }
    return own;
  });
  return keys.map((key, position) => {
    const entries = t.versions.map((v, i) => {
      const row = byVersion[i]!.get(key);
      const value = row ? rowValueText(t, row, s.lang) : { raw: [], text: '-' };
      return { ...(v.from ? { from: v.from } : {}), ...value };
    });
    const values = s.history(entries);
    const row = rows.get(key)!;
    const last = byVersion.findLastIndex((own) => own.has(key));
    const version = t.versions[last]!;
    // A row without sources of its own is covered by its version's and its table's (SR2024).
    const shown = row.provenance.length ? row.provenance : [...version.provenance, ...t.provenance];
    const side: DiffSide = {
      declaration: 'tabel',
      text: s.historyText(values),
      values,
      provenance: s.notes(shown),
      ...s.place(row.at),
      ...s.replaces(identity.value(t.name)),
    };
    return {
      key,
      position,
      keyText: rowKeyText(t, row, s.lang),
      side,
      own: provenanceKey(s.notes(row.provenance)),
    };
  });
}

function definitionSide(s: Side, d: IrDefinition): DiffSide {
  return {
    declaration: 'definitie',
    text: d.src,
    formula: d.src,
    provenance: s.notes(d.provenance),
    ...s.place(d.at),
    ...s.replaces(identity.definition(d.key)),
  };
}

function valuationSide(s: Side, v: IrValuation): DiffSide {
  const valued = isValued(v);
  return {
    declaration: 'waardering',
    text: valued ? v.src : `${s.w.notValued}: ${v.src}`,
    formula: v.src,
    valued,
    provenance: s.notes(v.provenance),
    ...s.place(v.at),
    ...s.replaces(identity.valuation(v.kind)),
  };
}

// ── the comparison ─────────────────────────────────────────────────────────────

interface Draft extends DiffChange {
  /** Sort position: the declaration's place in B, else in A. */
  readonly order: readonly number[];
}

/** The category of a declaration: the first of scope, valuations, routes, outcomes it serves. */
export function categorizer(sides: readonly ReviewedRuleset[]): (id: string) => DiffCategory {
  const sets = sides.map(({ ir }) => ({
    scope: closure(ir, [identity.outcome('verplichting')]),
    valuations: closure(
      ir,
      ir.valuations.map((v) => identity.valuation(v.kind)),
    ),
    routes: closure(
      ir,
      ir.routes.map((r) => identity.route(r.name)),
    ),
    outcomes: closure(
      ir,
      ir.outcomes.map((o) => identity.outcome(o.name)),
    ),
  }));
  return (id) => {
    if (id.startsWith('opsomming ')) return 'enumerations';
    for (const c of ['scope', 'valuations', 'routes', 'outcomes'] as const)
      if (sets.some((s) => s[c].has(id))) return c;
    return 'other';
  };
}

/** The changes from ruleset `a` (old) to `b` (new), in reading order. */
export function diffDeclarations(ra: ReviewedRuleset, rb: ReviewedRuleset, lang: Language): DiffChange[] {
  const a = new Side(ra, lang);
  const b = new Side(rb, lang);
  const category = categorizer([ra, rb]);
  const drafts: Draft[] = [];
  const orderOf = (side: DiffSide | undefined, other: DiffSide | undefined, extra = 0): number[] => {
    const p = side?.place ?? other?.place;
    const fileIndex = p ? Math.max(0, (side ? rb : ra).files.indexOf(p.file)) : 0;
    return [fileIndex, p?.line ?? 0, p?.column ?? 0, extra];
  };
  const push = (
    c: Omit<DiffChange, 'category' | 'change'> & { category?: DiffCategory; id?: string },
    extra = 0,
  ): void => {
    const { id, ...rest } = c;
    const change = c.old && c.new ? 'changed' : c.new ? 'added' : 'removed';
    drafts.push({
      ...rest,
      category: c.category ?? category(id ?? c.key),
      change,
      order: orderOf(c.new, c.old, extra),
    });
  };
  /** Changes of a declaration present on both sides: its meaning and its sources. */
  const compared = (
    base: { key: string; subject: DiffSubject; name: string; id?: string; category?: DiffCategory },
    old: DiffSide,
    nu: DiffSide,
    meaningChanged: boolean,
    meaningAspect: ChangeAspect,
    extra = 0,
    provenanceChanged = provenanceKey(old.provenance) !== provenanceKey(nu.provenance),
  ) => {
    const aspects: ChangeAspect[] = [];
    if (meaningChanged) aspects.push(meaningAspect);
    if (provenanceChanged) aspects.push('provenance');
    if (aspects.length === 0) return;
    const fragments =
      meaningChanged && old.formula !== undefined && nu.formula !== undefined
        ? usefulFragments(old.formula, nu.formula)
        : [];
    push({ ...base, aspects, old, new: nu, ...(fragments.length ? { fragments } : {}) }, extra);
  };

  headerChanges(a, b, push);

  // Enumerations.
  for (const name of union(
    ra.ir.enumerations.map((e) => e.name),
    rb.ir.enumerations.map((e) => e.name),
  )) {
    const ea = ra.ir.enumerations.find((e) => e.name === name);
    const eb = rb.ir.enumerations.find((e) => e.name === name);
    const side = (s: Side, e: typeof ea): DiffSide | undefined =>
      e && {
        declaration: 'opsomming',
        text: e.values.join(', '),
        provenance: s.notes(e.provenance),
        ...s.place(e.at),
        ...s.replaces(identity.enumeration(name)),
      };
    const key = identity.enumeration(name);
    const base = { key, subject: 'enumeration' as const, name };
    if (!ea || !eb) {
      push({ ...base, aspects: ['value'], ...opt('old', side(a, ea)), ...opt('new', side(b, eb)) });
      continue;
    }
    const added = eb.values.filter((v) => !ea.values.includes(v));
    const removed = ea.values.filter((v) => !eb.values.includes(v));
    const aspects: ChangeAspect[] = [];
    if (added.length || removed.length) aspects.push('value');
    if (provenanceKey(side(a, ea)!.provenance) !== provenanceKey(side(b, eb)!.provenance))
      aspects.push('provenance');
    if (aspects.length)
      push({
        ...base,
        aspects,
        old: side(a, ea)!,
        new: side(b, eb)!,
        ...(added.length ? { addedValues: added } : {}),
        ...(removed.length ? { removedValues: removed } : {}),
      });
  }

  // Parameters, tables and contract-level definitions: one namespace.
  const valueNames = union(
    [...a.index.parameters.keys(), ...a.index.tables.keys(), ...unscoped(a.index)],
    [...b.index.parameters.keys(), ...b.index.tables.keys(), ...unscoped(b.index)],
  );
  for (const name of valueNames) {
    const id = identity.value(name);
    const kindOf = (s: Side) =>
      s.index.parameters.has(name)
        ? 'parameter'
        : s.index.tables.has(name)
          ? 'table'
          : s.index.definitions.has(name)
            ? 'definition'
            : undefined;
    const ka = kindOf(a);
    const kb = kindOf(b);
    const sideOf = (s: Side, k: typeof ka, withRows: boolean): DiffSide | undefined =>
      k === 'parameter'
        ? parameterSide(s, s.index.parameters.get(name)!)
        : k === 'table'
          ? tableSide(s, s.index.tables.get(name)!, withRows)
          : k === 'definition'
            ? definitionSide(s, s.index.definitions.get(name)!)
            : undefined;
    if (ka !== kb) {
      const subject: DiffSubject = ka && kb ? 'value' : (ka ?? kb)!;
      push({
        key: id,
        id,
        subject,
        name,
        aspects: [ka && kb ? 'kind' : 'value'],
        ...opt('old', sideOf(a, ka, true)),
        ...opt('new', sideOf(b, kb, true)),
      });
      continue;
    }
    const base = { key: id, id, name };
    if (ka === 'parameter') {
      const pa = a.index.parameters.get(name)!;
      const pb = b.index.parameters.get(name)!;
      const sa = parameterSide(a, pa);
      const sb = parameterSide(b, pb);
      const changed =
        canonical([pa.type, sa.values?.map((v) => [v.from, v.raw])]) !==
        canonical([pb.type, sb.values?.map((v) => [v.from, v.raw])]);
      compared({ ...base, subject: 'parameter' }, sa, sb, changed, 'value');
    } else if (ka === 'definition') {
      const da = a.index.definitions.get(name)!;
      const db = b.index.definitions.get(name)!;
      compared(
        { ...base, subject: 'definition' },
        definitionSide(a, da),
        definitionSide(b, db),
        !sameCanonical([da.type, da.expr], [db.type, db.expr]),
        'formula',
      );
    } else if (ka === 'table') tableChanges(a, b, name, id, compared, push);
  }

  // Definitions `bij` an activity kind.
  for (const key of union(scoped(a.index), scoped(b.index))) {
    const id = identity.definition(key);
    const da = a.index.definitions.get(key);
    const db = b.index.definitions.get(key);
    const base = { key: id, id, subject: 'definition' as const, name: key };
    if (!da || !db) {
      push({
        ...base,
        aspects: ['formula'],
        ...opt('old', da && definitionSide(a, da)),
        ...opt('new', db && definitionSide(b, db)),
      });
      continue;
    }
    compared(
      base,
      definitionSide(a, da),
      definitionSide(b, db),
      !sameCanonical([da.type, da.expr], [db.type, db.expr]),
      'formula',
    );
  }

  // Valuations and their requirements.
  for (const kind of union([...a.index.valuations.keys()], [...b.index.valuations.keys()])) {
    const id = identity.valuation(kind);
    const va = a.index.valuations.get(kind);
    const vb = b.index.valuations.get(kind);
    const base = { key: id, id, subject: 'valuation' as const, name: kind };
    if (!va || !vb) {
      push({
        ...base,
        aspects: ['valued'],
        ...opt('old', va && valuationSide(a, va)),
        ...opt('new', vb && valuationSide(b, vb)),
      });
      continue;
    }
    const sa = valuationSide(a, va);
    const sb = valuationSide(b, vb);
    compared(base, sa, sb, !sameCanonical(va.expr, vb.expr), sa.valued !== sb.valued ? 'valued' : 'formula');
    const reqs = (v: IrValuation) => v.requirements.map((r) => ({ when: r.when, message: r.message }));
    const reqSide = (s: Side, v: IrValuation): DiffSide => ({
      declaration: 'waardering',
      text: v.requirements.length ? v.requirements.map((r) => `vereist ${r.src}`).join('; ') : s.w.none,
      formula: v.requirements.map((r) => r.src).join(' ; '),
      provenance: s.notes(v.requirements.flatMap((r) => r.provenance)),
      ...s.place(v.requirements[0]?.at ?? v.at),
      ...s.replaces(id),
    });
    compared(
      { key: `vereisten ${kind}`, id, subject: 'requirements', name: kind },
      reqSide(a, va),
      reqSide(b, vb),
      !sameCanonical(reqs(va), reqs(vb)),
      'formula',
      1,
    );
  }

  // Routes and their caps.
  for (const name of union([...a.index.routes.keys()], [...b.index.routes.keys()])) {
    const id = identity.route(name);
    const ra_ = a.index.routes.get(name);
    const rb_ = b.index.routes.get(name);
    const routeSide = (s: Side, r: NonNullable<typeof ra_>): DiffSide => ({
      declaration: 'route',
      text: `${r.label}: ${r.kinds.join(', ')}`,
      provenance: s.notes(r.provenance),
      ...s.place(r.at),
      ...s.replaces(id),
    });
    const capSide = (s: Side, r: NonNullable<typeof ra_>): DiffSide | undefined =>
      r.cap && {
        declaration: 'route',
        text: r.cap.src,
        formula: r.cap.src,
        provenance: s.notes(r.cap.provenance),
        ...s.place(r.cap.at),
        ...s.replaces(id),
      };
    const base = { key: id, id, subject: 'route' as const, name, category: 'routes' as const };
    if (!ra_ || !rb_) {
      push({
        ...base,
        aspects: ['structure'],
        ...opt('old', ra_ && routeSide(a, ra_)),
        ...opt('new', rb_ && routeSide(b, rb_)),
      });
      const cap = { key: `maximum ${name}`, id, subject: 'cap' as const, name, category: 'routes' as const };
      const ca = ra_ && capSide(a, ra_);
      const cb = rb_ && capSide(b, rb_);
      if (ca || cb) push({ ...cap, aspects: ['formula'], ...opt('old', ca), ...opt('new', cb) }, 1);
      continue;
    }
    compared(
      base,
      routeSide(a, ra_),
      routeSide(b, rb_),
      ra_.label !== rb_.label || canonical(ra_.kinds) !== canonical(rb_.kinds),
      'structure',
    );
    const ca = capSide(a, ra_);
    const cb = capSide(b, rb_);
    const cap = { key: `maximum ${name}`, id, subject: 'cap' as const, name, category: 'routes' as const };
    if (ca && cb) compared(cap, ca, cb, !sameCanonical(ra_.cap!.expr, rb_.cap!.expr), 'formula', 1);
    else if (ca || cb) push({ ...cap, aspects: ['formula'], ...opt('old', ca), ...opt('new', cb) }, 1);
  }

  // Outcomes.
  for (const name of union([...a.index.outcomes.keys()], [...b.index.outcomes.keys()])) {
    const id = identity.outcome(name);
    const oa = a.index.outcomes.get(name);
    const ob = b.index.outcomes.get(name);
    const side = (s: Side, o: NonNullable<typeof oa>): DiffSide => ({
      declaration: 'uitkomst',
      text: o.src,
      formula: o.src,
      provenance: s.notes(o.provenance),
      ...s.place(o.at),
      ...s.replaces(id),
    });
    const base = { key: id, id, subject: 'outcome' as const, name };
    if (!oa || !ob)
      push({
        ...base,
        aspects: ['formula'],
        ...opt('old', oa && side(a, oa)),
        ...opt('new', ob && side(b, ob)),
      });
    else
      compared(
        base,
        side(a, oa),
        side(b, ob),
        !sameCanonical([oa.type, oa.expr], [ob.type, ob.expr]),
        'formula',
      );
  }

  // Properties.
  for (const title of union(
    ra.ir.properties.map((p) => p.title),
    rb.ir.properties.map((p) => p.title),
  )) {
    const id = identity.property(title);
    const pa = ra.ir.properties.find((p) => p.title === title);
    const pb = rb.ir.properties.find((p) => p.title === title);
    const side = (s: Side, p: NonNullable<typeof pa>): DiffSide => ({
      text: p.src,
      formula: p.src,
      provenance: s.notes(p.provenance),
      ...s.place(p.at),
      ...s.replaces(id),
    });
    const base = { key: id, id, subject: 'property' as const, name: title, category: 'properties' as const };
    if (!pa || !pb)
      push({
        ...base,
        aspects: ['formula'],
        ...opt('old', pa && side(a, pa)),
        ...opt('new', pb && side(b, pb)),
      });
    else compared(base, side(a, pa), side(b, pb), !sameCanonical(pa.expr, pb.expr), 'formula');
  }

  const rank = (c: DiffCategory) => categoryOrder.indexOf(c);
  return drafts
    .sort(
      (x, y) =>
        rank(x.category) - rank(y.category) ||
        compareOrder(x.order, y.order) ||
        (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
    )
    .map(({ order: _order, ...change }) => change);
}

/** The differing fragments of two formulas, when they share most of their words (else none). */
function usefulFragments(oldText: string, newText: string) {
  const fragments = formulaFragments(oldText, newText);
  const count = (t: string) => (t ? t.split(' ').length : 0);
  const changed = fragments.reduce((n, f) => n + Math.max(count(f.old), count(f.new)), 0);
  const longest = Math.max(
    count(oldText.replace(/\s+/g, ' ').trim()),
    count(newText.replace(/\s+/g, ' ').trim()),
  );
  return changed * 2 <= longest ? fragments : [];
}

const compareOrder = (x: readonly number[], y: readonly number[]): number => {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

type Push = (
  c: Omit<DiffChange, 'category' | 'change'> & { category?: DiffCategory; id?: string },
  extra?: number,
) => void;
type Compared = (
  base: { key: string; subject: DiffSubject; name: string; id?: string; category?: DiffCategory },
  old: DiffSide,
  nu: DiffSide,
  meaningChanged: boolean,
  meaningAspect: ChangeAspect,
  extra?: number,
  provenanceChanged?: boolean,
) => void;

/** A table on both sides: its structure and sources, then row by row. */
function tableChanges(a: Side, b: Side, name: string, id: string, compared: Compared, push: Push): void {
  const ta = a.index.tables.get(name)!;
  const tb = b.index.tables.get(name)!;
  const rowsA = tableRows(a, ta);
  const rowsB = tableRows(b, tb);
  const common = rowsB.filter((r) => rowsA.some((x) => x.key === r.key)).map((r) => r.key);
  const orderMatters = ta.hitPolicy === 'eerste' && tb.hitPolicy === 'eerste';
  const reordered =
    orderMatters &&
    canonical(rowsA.filter((r) => common.includes(r.key)).map((r) => r.key)) !== canonical(common);
  compared(
    { key: id, id, subject: 'table', name },
    tableSide(a, ta),
    tableSide(b, tb),
    reordered || canonical(tableSignature(ta)) !== canonical(tableSignature(tb)),
    'structure',
  );
  for (const key of union(
    rowsA.map((r) => r.key),
    rowsB.map((r) => r.key),
  )) {
    const ra = rowsA.find((r) => r.key === key);
    const rb = rowsB.find((r) => r.key === key);
    const row = (rb ?? ra)!;
    const base = {
      key: `rij ${name} ${key}`,
      id,
      subject: 'table-row' as const,
      name: `${name}: ${row.keyText}`,
    };
    const extra = 1 + row.position;
    if (!ra || !rb) {
      push({ ...base, aspects: ['value'], ...opt('old', ra?.side), ...opt('new', rb?.side) }, extra);
      continue;
    }
    const history = (h: readonly DatedValue[] | undefined) => canonical(h?.map((v) => [v.from, v.raw]));
    compared(
      base,
      ra.side,
      rb.side,
      history(ra.side.values) !== history(rb.side.values),
      'value',
      extra,
      ra.own !== rb.own,
    );
  }
}

function headerChanges(a: Side, b: Side, push: Push): void {
  const item = (
    key: string,
    text: (s: Side) => string | undefined,
    provenance: (s: Side) => readonly IrProvenance[] = () => [],
    place?: (s: Side) => Place | undefined,
  ) => {
    const ta = text(a);
    const tb = text(b);
    const side = (s: Side, t: string | undefined): DiffSide | undefined => {
      if (t === undefined) return undefined;
      const p = place?.(s) ?? s.r.headerPlaces[key as keyof typeof s.r.headerPlaces];
      return { text: t, provenance: s.notes(provenance(s)), ...(p ? { place: p } : {}) };
    };
    const sa = side(a, ta);
    const sb = side(b, tb);
    const aspects: ChangeAspect[] = [];
    if (ta !== tb) aspects.push('value');
    if (sa && sb && provenanceKey(sa.provenance) !== provenanceKey(sb.provenance)) aspects.push('provenance');
    if (aspects.length === 0) return;
    push({
      key: `kop ${key}`,
      subject: key === 'perioden' ? 'periods' : 'header',
      name: key,
      category: 'header',
      aspects,
      ...opt('old', sa),
      ...opt('new', sb),
    });
  };
  item('naam', (s) => s.r.ir.ruleset.name);
  item('versie', (s) => s.r.ir.ruleset.version);
  item('regio', (s) => s.r.ir.ruleset.region);
  item('gemeente', (s) => s.r.ir.ruleset.municipality);
  item('bron', (s) => s.r.ir.ruleset.provenance.map((p) => `${p.kind} "${p.text}"`).join('; ') || undefined);
  item('basis', (s) => s.r.ir.ruleset.bases.join(' → ') || undefined);
  item('peildatum', (s) => `contract.${s.r.ir.referenceDate}`);
  item(
    'perioden',
    (s) => describePeriods(s.r.ir, s.w.through),
    (s) => s.r.ir.periods.flatMap((p) => p.provenance),
    (s) => placeOf(s.r, s.r.ir.periods[0]?.at),
  );
}

function union(x: readonly string[], y: readonly string[]): string[] {
  return [...new Set([...x, ...y])];
}

const unscoped = (idx: IrIndex) => [...idx.definitions.keys()].filter((k) => !k.includes('.'));
const scoped = (idx: IrIndex) => [...idx.definitions.keys()].filter((k) => k.includes('.'));

/** `{ [key]: value }` when the value is there, `{}` otherwise. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

// ── one ruleset, flat: what the harmonisation matrix shows per cell ─────────────

/** One item of a ruleset as a cell of the matrix. */
export interface FlatItem {
  /** Row identity, shared by every ruleset that has the item. */
  readonly key: string;
  /** The declaration identity the item belongs to (for its category). */
  readonly id: string;
  readonly subject: DiffSubject;
  readonly name: string;
  readonly text: string;
  /** Equal for equal meaning (values per date, normalised formulas), whatever the text. */
  readonly meaning: string;
  readonly place?: Place;
  /** The item's own `bron` and `aanname` notes. */
  readonly provenance?: readonly ProvenanceNote[];
}

/** Every parameter, table row, rule, route, cap, outcome and header item of a ruleset. */
export function flatten(r: ReviewedRuleset, lang: Language): FlatItem[] {
  const s = new Side(r, lang);
  const out: FlatItem[] = [];
  const add = (item: Omit<FlatItem, 'place'>, side?: { place?: Place }) =>
    out.push({ ...item, ...(side?.place ? { place: side.place } : {}) });
  const ir = r.ir;
  const header: [string, string | undefined][] = [
    ['naam', ir.ruleset.name],
    ['versie', ir.ruleset.version],
    ['regio', ir.ruleset.region],
    ['gemeente', ir.ruleset.municipality],
    ['basis', ir.ruleset.bases.join(' → ') || undefined],
    ['perioden', describePeriods(ir, s.w.through)],
    ['peildatum', `contract.${ir.referenceDate}`],
  ];
  for (const [name, text] of header)
    if (text !== undefined)
      add(
        {
          key: `kop ${name}`,
          id: `kop ${name}`,
          subject: name === 'perioden' ? 'periods' : 'header',
          name,
          text,
          meaning: text,
        },
        {
          ...(r.headerPlaces[name as keyof typeof r.headerPlaces]
            ? { place: r.headerPlaces[name as keyof typeof r.headerPlaces]! }
            : {}),
        },
      );
  for (const e of ir.enumerations)
    add(
      {
        key: identity.enumeration(e.name),
        id: identity.enumeration(e.name),
        subject: 'enumeration',
        name: e.name,
        text: e.values.join(', '),
        meaning: canonical(e.values),
      },
      s.place(e.at),
    );
  for (const p of ir.parameters) {
    const side = parameterSide(s, p);
    const id = identity.value(p.name);
    add(
      {
        key: id,
        id,
        subject: 'parameter',
        name: p.name,
        text: side.text,
        meaning: canonical([p.type, side.values?.map((v) => [v.from, v.raw])]),
        provenance: side.provenance,
      },
      side,
    );
  }
  for (const t of ir.tables) {
    const id = identity.value(t.name);
    for (const row of tableRows(s, t))
      add(
        {
          key: `rij ${t.name} ${row.key}`,
          id,
          subject: 'table-row',
          name: `${t.name}: ${row.keyText}`,
          text: row.side.text,
          meaning: canonical([t.outputs, row.side.values?.map((v) => [v.from, v.raw])]),
          provenance: row.side.provenance,
        },
        row.side,
      );
  }
  for (const d of ir.definitions) {
    const id = identity.definition(d.key);
    add(
      {
        key: id,
        id,
        subject: 'definition',
        name: d.key,
        text: d.src,
        meaning: canonical(normalize([d.type, d.expr])),
        provenance: s.notes(d.provenance),
      },
      s.place(d.at),
    );
  }
  for (const v of ir.valuations) {
    const id = identity.valuation(v.kind);
    const side = valuationSide(s, v);
    add(
      {
        key: id,
        id,
        subject: 'valuation',
        name: v.kind,
        text: side.valued ? v.src : s.w.notValued,
        meaning: canonical(normalize(v.expr)),
        provenance: side.provenance,
      },
      side,
    );
    if (v.requirements.length)
      add(
        {
          key: `vereisten ${v.kind}`,
          id,
          subject: 'requirements',
          name: v.kind,
          text: v.requirements.map((q) => q.src).join('; '),
          meaning: canonical(normalize(v.requirements.map((q) => ({ when: q.when, message: q.message })))),
          provenance: s.notes(v.requirements.flatMap((q) => q.provenance)),
        },
        s.place(v.requirements[0]!.at),
      );
  }
  for (const route of ir.routes) {
    const id = identity.route(route.name);
    add(
      {
        key: id,
        id,
        subject: 'route',
        name: route.name,
        text: `${route.label}: ${route.kinds.join(', ')}`,
        meaning: canonical([route.label, route.kinds]),
      },
      s.place(route.at),
    );
    add(
      {
        key: `maximum ${route.name}`,
        id,
        subject: 'cap',
        name: route.name,
        text: route.cap ? route.cap.src : s.w.none,
        meaning: route.cap ? canonical(normalize(route.cap.expr)) : 'geen',
        provenance: route.cap ? s.notes(route.cap.provenance) : [],
      },
      s.place(route.cap?.at ?? route.at),
    );
  }
  for (const o of ir.outcomes) {
    const id = identity.outcome(o.name);
    add(
      {
        key: id,
        id,
        subject: 'outcome',
        name: o.name,
        text: o.src,
        meaning: canonical(normalize([o.type, o.expr])),
        provenance: s.notes(o.provenance),
      },
      s.place(o.at),
    );
  }
  return out;
}
