// Executable invariants of the IR (STYLE 11): what the JSON Schema cannot say. Every reference
// resolves, fields exist where they are read, and no rule depends on itself — so evaluating any
// IR that passes terminates. Run by the evaluator before it accepts a document, and in tests.
import {
  activityKinds,
  contractFields,
  dateFieldNames,
  enumerationNames,
  kindsWithMonths,
} from './vocabulary.js';
import type { IrDocument, IrExpr, IrTemplate } from './ir.js';
import { irNumber, outsideBounds, parameterBounds } from './ir-values.js';
import { irAmountProblems } from './ir-amounts.js';

/**
 * Where an expression stands in the document, as a chain of steps from a root path; written out
 * ("valuations[2].r.args[1]") only for a problem. The editor checks every IR it lowers, and building
 * each node's path eagerly was most of this check's allocation.
 */
type Path = string | { readonly up: Path; readonly step: string; readonly index?: number };

function pathText(path: Path): string {
  if (typeof path === 'string') return path;
  const up = pathText(path.up);
  return path.index === undefined ? `${up}.${path.step}` : `${up}.${path.step}[${path.index}]`;
}

/** Where an expression stands: which activity kind's fields it may read, inside which sum. */
interface Place {
  readonly path: Path;
  readonly kind?: string | undefined;
  readonly over?: 'activity' | 'route' | undefined;
}

/** Every violated invariant, as "path: message"; empty when the document is sound. */
export function irInvariants(doc: IrDocument): string[] {
  const problems: string[] = [];
  const fail = (path: Path, message: string) => problems.push(`${pathText(path)}: ${message}`);
  const params = new Set(doc.parameters.map((p) => p.name));
  const tables = new Map(doc.tables.map((t) => [t.name, t]));
  const defs = new Map(doc.definitions.map((d) => [d.key, d]));
  const outcomes = new Set(doc.outcomes.map((o) => o.name));
  const kinds = Object.keys(activityKinds);

  for (const name of enumerationNames)
    if (!doc.enumerations.some((e) => e.name === name)) fail('enumerations', `missing enumeration ${name}`);
  if (!dateFieldNames.includes(doc.referenceDate))
    fail('referenceDate', `${doc.referenceDate} is not a date field`);
  doc.periods.forEach((p, i) => {
    if (p.to < p.from) fail(`periods[${i}]`, 'ends before it starts');
  });
  // Every value within its parameter's range; amounts and percentages without one never negative
  // (the checker's rule, check/ranges.ts, so a hand-edited IR cannot give a negative obligation).
  doc.parameters.forEach((p, i) => {
    const bounds = parameterBounds(p);
    if (p.range && (!bounds.min || !bounds.max || bounds.min.cmp(bounds.max) > 0))
      fail(`parameters[${i}].range`, 'is not a range of numbers from low to high');
    p.versions.forEach((v, j) => {
      const x = irNumber(v.value);
      if (x && outsideBounds(x, bounds))
        fail(`parameters[${i}].versions[${j}].value`, `${x.toString()} of ${p.name} is outside its range`);
    });
  });

  // Dependency graph over named rules, for the cycle check below.
  const edges = new Map<string, Set<string>>();
  const allValuations = doc.valuations.map((v) => `valuation:${v.kind}`);
  const allCaps = doc.routes.filter((r) => r.cap).map((r) => `cap:${r.name}`);

  // One call per expression node: the place of a child is made only here, and only its path grows.
  const sub = (
    x: IrExpr,
    at: Place,
    step: string,
    deps: Set<string>,
    index?: number,
    within: Omit<Place, 'path'> = at,
  ) =>
    visit(
      x,
      {
        path: index === undefined ? { up: at.path, step } : { up: at.path, step, index },
        kind: within.kind,
        over: within.over,
      },
      deps,
    );
  const visit = (e: IrExpr, at: Place, deps: Set<string>): void => {
    switch (e.k) {
      case 'const':
      case 'refdate':
        return;
      case 'field':
        if (e.scope === 'contract') {
          if (!Object.hasOwn(contractFields, e.name)) fail(at.path, `unknown contract field ${e.name}`);
        } else if (!at.kind) fail(at.path, `activity field ${e.name} read outside an activity`);
        else if (!Object.hasOwn(activityKinds[at.kind] ?? {}, e.name))
          fail(at.path, `${at.kind} has no field ${e.name}`);
        return;
      case 'attr':
        if (e.of !== at.over) fail(at.path, `${e.of} attribute ${e.name} outside a sum over ${e.of}`);
        if (e.of === 'activity' && e.name === 'waardering') allValuations.forEach((v) => deps.add(v));
        if (e.of === 'route' && e.name !== 'naam') [...allValuations, ...allCaps].forEach((v) => deps.add(v));
        return;
      case 'param':
        if (!params.has(e.name)) fail(at.path, `unknown parameter ${e.name}`);
        return;
      case 'def': {
        const d = defs.get(e.key);
        if (!d) fail(at.path, `unknown definition ${e.key}`);
        else if (d.scope && d.scope !== at.kind) fail(at.path, `definition ${e.key} belongs to ${d.scope}`);
        deps.add(`def:${e.key}`);
        return;
      }
      case 'outcome':
        if (!outcomes.has(e.name)) fail(at.path, `unknown outcome ${e.name}`);
        deps.add(`outcome:${e.name}`);
        return;
      case 'table': {
        const t = tables.get(e.name);
        if (!t) fail(at.path, `unknown table ${e.name}`);
        else if (t.inputs.length !== e.args.length)
          fail(at.path, `table ${e.name} takes ${t.inputs.length} arguments`);
        e.args.forEach((a, i) => sub(a, at, 'args', deps, i));
        return;
      }
      case 'member': {
        sub(e.of, at, 'of', deps);
        const t = e.of.k === 'table' ? tables.get(e.of.name) : undefined;
        if (!t || t.single || !t.outputs.some((o) => o.name === e.field))
          fail(at.path, `no output column ${e.field}`);
        return;
      }
      case 'neg':
      case 'not':
        return sub(e.x, at, 'x', deps);
      case 'arith':
      case 'cmp':
      case 'and':
      case 'or':
        sub(e.l, at, 'l', deps);
        return sub(e.r, at, 'r', deps);
      case 'if':
        sub(e.c, at, 'c', deps);
        sub(e.t, at, 't', deps);
        return sub(e.e, at, 'e', deps);
      case 'in':
        sub(e.x, at, 'x', deps);
        return e.options.forEach((o, i) => sub(o, at, 'options', deps, i));
      case 'min':
      case 'max':
        return e.args.forEach((a, i) => sub(a, at, 'args', deps, i));
      case 'default':
        sub(e.x, at, 'x', deps);
        return sub(e.fallback, at, 'fallback', deps);
      case 'known':
        return sub(e.x, at, 'x', deps);
      case 'months':
        sub(e.from, at, 'from', deps);
        return sub(e.to, at, 'to', deps);
      case 'round':
        sub(e.x, at, 'x', deps);
        return sub(e.q, at, 'q', deps);
      case 'sum': {
        if (at.over || at.kind) fail(at.path, 'a sum inside an activity or another sum');
        // Inside a sum: no activity kind, the attributes of what it sums over.
        const inner = { over: e.over };
        sub(e.body, at, 'body', deps, undefined, inner);
        if (e.filter) sub(e.filter, at, 'filter', deps, undefined, inner);
        return;
      }
      case 'message':
        sub(e.x, at, 'x', deps);
        return template(e.text, at, deps);
    }
  };
  const template = (t: IrTemplate, at: Place, deps: Set<string>) =>
    t.forEach((p, i) => {
      if ('x' in p) visit(p.x, { ...at, path: { up: at.path, step: 'text', index: i } }, deps);
    });
  const node = (id: string, exprs: [IrExpr, Place][], templates: [IrTemplate, Place][] = []) => {
    const deps = new Set<string>();
    for (const [e, place] of exprs) visit(e, place, deps);
    for (const [t, place] of templates) template(t, place, deps);
    edges.set(id, deps);
  };

  doc.tables.forEach((t, ti) =>
    t.versions.forEach((v, vi) =>
      v.rows.forEach((r, ri) => {
        const path: Path = { up: `tables[${ti}].versions[${vi}]`, step: 'rows', index: ri };
        if (r.when.length !== t.inputs.length) fail(path, 'cell count differs from the inputs');
        if (r.then.length !== t.outputs.length) fail(path, 'output count differs from the outputs');
        r.then.forEach((x, i) => visit(x, { path: { up: path, step: 'then', index: i } }, new Set()));
      }),
    ),
  );
  doc.definitions.forEach((d, i) => {
    if (d.scope && !kinds.includes(d.scope)) fail(`definitions[${i}]`, `unknown activity kind ${d.scope}`);
    node(`def:${d.key}`, [
      [d.expr, d.scope ? { path: `definitions[${i}]`, kind: d.scope } : { path: `definitions[${i}]` }],
    ]);
  });
  doc.valuations.forEach((v, i) => {
    if (!kinds.includes(v.kind)) fail(`valuations[${i}]`, `unknown activity kind ${v.kind}`);
    const place: Place = { path: `valuations[${i}]`, kind: v.kind };
    // `binnen`: the activity's months are compared with the contract's duration.
    if (v.within && !kindsWithMonths.includes(v.kind))
      fail(`valuations[${i}].within`, `activity kind ${v.kind} has no maanden`);
    node(
      `valuation:${v.kind}`,
      [
        [v.expr, place],
        ...(v.within
          ? [[v.within.expr, { ...place, path: `valuations[${i}].within` }] as [IrExpr, Place]]
          : []),
        ...v.requirements.map((r, j): [IrExpr, Place] => [
          r.when,
          { ...place, path: { up: place.path, step: 'requirements', index: j } },
        ]),
      ],
      v.requirements.map((r, j): [IrTemplate, Place] => [
        r.message,
        { ...place, path: { up: place.path, step: 'requirements', index: j } },
      ]),
    );
  });
  doc.routes.forEach((r, i) => {
    for (const k of r.kinds) if (!kinds.includes(k)) fail(`routes[${i}]`, `unknown activity kind ${k}`);
    if (r.cap) node(`cap:${r.name}`, [[r.cap.expr, { path: `routes[${i}].cap` }]]);
  });
  doc.outcomes.forEach((o, i) => node(`outcome:${o.name}`, [[o.expr, { path: `outcomes[${i}]` }]]));
  doc.properties.forEach((p, i) => {
    if (p.expr) visit(p.expr, { path: `properties[${i}]` }, new Set());
    const m = p.monotone;
    if (!p.expr === !m)
      fail(`properties[${i}]`, 'a property is either a condition or a monotonicity statement');
    if (m) {
      if ('outcome' in m.target && !outcomes.has(m.target.outcome))
        fail(`properties[${i}]`, `unknown outcome ${m.target.outcome}`);
      const fields = m.field.scope === 'contract' ? contractFields : activityKinds[m.field.kind ?? ''];
      if (!fields || !Object.hasOwn(fields, m.field.name))
        fail(`properties[${i}]`, `unknown field ${m.field.name}`);
      else if (!['number', 'duration', 'money', 'percentage'].includes(fields[m.field.name]!.type.kind))
        fail(`properties[${i}]`, `field ${m.field.name} is not a number`);
      if ('valuation' in m.target && m.field.scope !== 'activity')
        fail(`properties[${i}]`, 'a valuation varies with an activity field');
    }
  });

  // No rule may depend on itself: evaluation of any accepted document terminates.
  const state = new Map<string, 'active' | 'done'>();
  const trail: string[] = [];
  const walk = (id: string): void => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'active') {
      fail('rules', `cycle ${[...trail.slice(trail.indexOf(id)), id].join(' → ')}`);
      return;
    }
    state.set(id, 'active');
    trail.push(id);
    for (const next of edges.get(id) ?? []) if (edges.has(next)) walk(next);
    trail.pop();
    state.set(id, 'done');
  };
  for (const id of edges.keys()) walk(id);
  // Amounts are checked on a sound graph only: their walk follows definitions.
  if (problems.length === 0) problems.push(...irAmountProblems(doc));
  return problems;
}
