// `--set name=value` and `--set table[row]=value`: a scenario from the command line, as typed IR
// edits of the base. Every assignment is checked against the base like a scenario ruleset would
// be: the name must exist (did you mean), the row must exist, the value must fit the type and
// unit; problems are diagnostics located at the assignment (its text as the path).
import {
  diagnostic,
  formatValue,
  irNumber,
  outsideBounds,
  parameterBounds,
  Rational,
  rangeText,
  suggestNames,
  unitFactors,
  type Diagnostic,
  type IrDocument,
  type IrTimeUnit,
  type IrType,
  type IrValue,
  type Language,
  type Result,
} from '@sroi/core';
import type { Edit, IrRow, Player, ScenarioSpec } from './changes.js';

/** An assignment as written: `name=value`, `name[row]=value` or `name[row].column=value`. */
export interface Assignment {
  readonly text: string;
  readonly name: string;
  readonly row?: readonly string[];
  readonly column?: string;
  readonly value: string;
}

/** Parses `--set` text; undefined when it has no recognisable shape. */
export function parseAssignment(text: string): Assignment | undefined {
  const m =
    /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*(?:\[([^\]]*)\]\s*(?:\.\s*([\p{L}_][\p{L}\p{N}_]*)\s*)?)?=(.*)$/u.exec(
      text,
    );
  if (!m) return undefined;
  const [, name, row, column, value] = m;
  if (value!.trim() === '') return undefined;
  return {
    text,
    name: name!,
    ...(row !== undefined ? { row: row.split(',').map((s) => s.trim()) } : {}),
    ...(column !== undefined ? { column } : {}),
    value: value!.trim(),
  };
}

const unitWords: Readonly<Record<string, IrTimeUnit>> = {
  jaar: 'jaar',
  jaren: 'jaar',
  year: 'jaar',
  years: 'jaar',
  maand: 'maand',
  maanden: 'maand',
  month: 'maand',
  months: 'maand',
  week: 'week',
  weken: 'week',
  weeks: 'week',
  dag: 'dag',
  dagen: 'dag',
  day: 'dag',
  days: 'dag',
  uur: 'uur',
  uren: 'uur',
  hour: 'uur',
  hours: 'uur',
};
/** Units that convert into each other (jaar = 12 maanden; week = 7 dagen). */
const dimension: Readonly<Record<IrTimeUnit, string>> = {
  jaar: 'maand',
  maand: 'maand',
  week: 'dag',
  dag: 'dag',
  uur: 'uur',
};

/**
 * A number in Dutch or plain notation: `42000`, `42.000` (Dutch thousands), `42.000,50`, `0,5`,
 * `1.5` (a single point followed by other than three digits is a decimal point).
 */
export function parseNumberText(text: string): Rational | undefined {
  const t = text.replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+(,\d+)?$/.test(t))
    return Rational.parse(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Rational.parse(t);
  return undefined;
}

const expectedText = (type: IrType): string => {
  switch (type.t) {
    case 'bedrag':
      return 'een bedrag (€ 42.000)';
    case 'tarief':
      return `een bedrag per ${type.per} (€ 42.000 per ${type.per})`;
    case 'percentage':
      return 'een percentage (5%)';
    case 'duur':
      return `een duur (12 ${type.unit})`;
    case 'getal':
      return 'een getal';
    case 'janee':
      return 'ja of nee';
    case 'opsomming':
      return `een waarde van ${type.name}`;
    default:
      return `een waarde van type ${type.t}`;
  }
};

/**
 * The IR value of `text` for a value of `type`, or the diagnostic that says why not.
 * `where` names the assignment in the diagnostic.
 */
export function valueFor(
  text: string,
  type: IrType,
  name: string,
  where: string,
  ir: IrDocument,
): { value: IrValue } | { problem: Diagnostic } {
  const bad = (): { problem: Diagnostic } => ({
    problem: diagnostic(
      'SR3200',
      { value: `'${text}'`, name: `'${name}'`, expected: expectedText(type) },
      { path: where },
    ),
  });
  const t = text.trim();
  if (type.t === 'janee') {
    const v = { ja: true, yes: true, true: true, nee: false, no: false, false: false }[t.toLowerCase()];
    return v === undefined ? bad() : { value: { bool: v } };
  }
  if (type.t === 'opsomming') {
    const values = ir.enumerations.find((e) => e.name === type.name)?.values ?? [];
    if (values.includes(t)) return { value: { text: t } };
    return {
      problem: diagnostic(
        'SR3200',
        { value: `'${t}'`, name: `'${name}'`, expected: expectedText(type) },
        { path: where },
        { suggestions: suggestNames(t, values) },
      ),
    };
  }
  if (type.t === 'tekst') return { value: { text: t.replace(/^"(.*)"$/, '$1') } };
  // Numbers with an optional € in front and an optional unit or % after.
  const m = /^(€\s*)?([-\d.,\s]*\d)\s*(%|per\s+(\p{L}+)|(\p{L}+))?$/u.exec(t);
  if (!m) return bad();
  const [, euro, digits, suffix, perWord, unitWord] = m;
  const n = parseNumberText(digits!);
  if (!n) return bad();
  const unitOf = (word: string | undefined): IrTimeUnit | undefined | null =>
    word === undefined ? undefined : (unitWords[word.toLowerCase()] ?? null);
  const unitProblem = (unit: string, expectedUnit: string) => ({
    problem: diagnostic(
      'SR3201',
      { unit: `'${unit}'`, name: `'${name}'`, expected: expectedUnit },
      { path: where },
      { suggestions: suggestNames(unit, Object.keys(unitWords)) },
    ),
  });
  // The IR writes exact rationals as "n" or "n/d".
  const num = (r: Rational): { value: IrValue } => ({
    value: { num: r.d === 1n ? `${r.n}` : `${r.n}/${r.d}` },
  });
  switch (type.t) {
    case 'bedrag': {
      if (suffix !== undefined) return unitProblem(suffix, expectedText(type));
      const cents = n.mul(Rational.of(100));
      return cents.isInteger() ? num(cents) : bad();
    }
    case 'tarief': {
      if (unitWord !== undefined || suffix === '%') return unitProblem(suffix!, expectedText(type));
      const unit = unitOf(perWord) ?? type.per;
      if (unit === null) return unitProblem(perWord!, expectedText(type));
      if (dimension[unit] !== dimension[type.per]) return unitProblem(`per ${perWord}`, expectedText(type));
      // Rates are held per month, day or hour: a rate per year is a twelfth per month.
      return num(n.mul(Rational.of(100)).div(Rational.of(unitFactors[unit])));
    }
    case 'percentage':
      if (suffix !== '%') return bad();
      return num(n.div(Rational.of(100)));
    case 'duur': {
      if (euro || perWord !== undefined || suffix === '%') return bad();
      const unit = unitOf(unitWord) ?? type.unit;
      if (unit === null) return unitProblem(unitWord!, expectedText(type));
      if (dimension[unit] !== dimension[type.unit]) return unitProblem(unitWord!, expectedText(type));
      return num(n.mul(Rational.of(unitFactors[unit])));
    }
    case 'getal':
      if (euro || suffix !== undefined) return bad();
      return num(n);
    default:
      return bad();
  }
}

/** How a value reads in a report ("€ 42.000 per jaar"; in English "€ 42,000 per year"). */
export function showValue(v: IrValue, type: IrType, lang: Language = 'nl'): string {
  const n = irNumber(v);
  if (n) return formatValue(n, type, lang);
  if ('bool' in v) return formatValue(v.bool, type, lang);
  if ('text' in v) return v.text;
  return formatValue(null, type, lang);
}

/** A text of a report in Dutch and in English. */
export interface Both {
  readonly nl: string;
  readonly en: string;
}

/** `showValue` in both languages: a report is read in either, and in English `€ 40.000` misleads. */
export function showBoth(v: IrValue, type: IrType): Both {
  return { nl: showValue(v, type, 'nl'), en: showValue(v, type, 'en') };
}

/** `distinctShown` in both languages. */
export function distinctBoth(values: readonly Both[]): Both {
  return { nl: distinctShown(values.map((v) => v.nl)), en: distinctShown(values.map((v) => v.en)) };
}

/** A changed value that is a formula, not a constant. */
export const FORMULA: Both = { nl: '(formule)', en: '(formula)' };

/** A player of the attribution, its values in Dutch (`from`, `to`) and in English (`en`). */
export function player(label: string, from: Both, to: Both): Player {
  return { label, from: from.nl, to: to.nl, en: { from: from.en, to: to.en } };
}

/**
 * A value outside the parameter's range (`tussen ... en ...`), or negative for an amount or
 * percentage without one: the rule the checker applies to the ruleset (SR3301).
 */
function outsideRange(
  param: IrDocument['parameters'][number],
  value: IrValue,
  where: string,
): Diagnostic | undefined {
  const x = irNumber(value);
  const bounds = parameterBounds(param);
  if (!x || !outsideBounds(x, bounds)) return undefined;
  const show = (r: Rational) => formatValue(r, param.type);
  const range = rangeText(bounds, show);
  return diagnostic(
    'SR3301',
    { name: param.name, value: show(x), range, type: param.type.t },
    { path: where },
  );
}

/**
 * The values a name has, as people read them: one value, or each distinct one in order, joined by
 * " / " (a parameter with a value per period, or a table row written in several versions).
 */
export function distinctShown(values: readonly string[]): string {
  return [...new Set(values)].join(' / ');
}

/** The text of a table row's input cells, as `tabel[...]` names it (`*` for any value). */
export function rowKey(row: IrRow): string {
  return row.when
    .map((cell) => {
      if ('any' in cell) return '*';
      if ('in' in cell)
        return cell.in
          .map((v) =>
            'text' in v ? v.text : 'num' in v ? v.num : 'bool' in v ? (v.bool ? 'ja' : 'nee') : '?',
          )
          .join('|');
      return cell.cmp.map(([op, v]) => `${op}${'num' in v ? v.num : JSON.stringify(v)}`).join('&');
    })
    .join(',');
}

interface Resolved {
  readonly edits: Edit[];
  readonly from?: Both;
  readonly to?: Both;
}

/** One assignment against one ruleset: its edits, or undefined when the name is not there. */
function resolveIn(ir: IrDocument, a: Assignment): { value?: Resolved; problem?: Diagnostic } {
  const param = ir.parameters.find((p) => p.name === a.name);
  if (param) {
    if (a.row)
      return {
        problem: diagnostic('SR2204', { name: `'${a.name}'`, row: a.row.join(',') }, { path: a.text }),
      };
    const v = valueFor(a.value, param.type, a.name, a.text, ir);
    if ('problem' in v) return { problem: v.problem };
    const outside = outsideRange(param, v.value, a.text);
    if (outside) return { problem: outside };
    const shown = showValue(v.value, param.type);
    return {
      value: {
        edits: [
          {
            kind: 'parameter',
            name: param.name,
            replacement: {
              ...param,
              versions: param.versions.map((pv) => ({ ...pv, value: v.value, src: shown })),
            },
          },
        ],
        from: distinctBoth(param.versions.map((pv) => showBoth(pv.value, param.type))),
        to: showBoth(v.value, param.type),
      },
    };
  }
  const table = ir.tables.find((t) => t.name === a.name);
  if (!table) return {};
  if (!a.row) return { problem: diagnostic('SR2203', { name: `'${a.name}'` }, { path: a.text }) };
  const outputs = table.outputs.map((o) => o.name);
  const column =
    a.column === undefined
      ? outputs.length === 1
        ? 0
        : -1
      : table.outputs.findIndex((o) => o.name === a.column);
  if (column < 0)
    return {
      problem: diagnostic(
        'SR2200',
        {
          name: `'${a.name}[${a.row.join(',')}]${a.column ? '.' + a.column : ''}'`,
          ruleset: `'${ir.ruleset.name}'`,
        },
        { path: a.text },
        {
          suggestions: a.column ? suggestNames(a.column, outputs) : outputs.map((o) => `${a.name}[...].${o}`),
        },
      ),
    };
  const type = table.outputs[column]!.type;
  const v = valueFor(a.value, type, `${a.name}[${a.row.join(',')}]`, a.text, ir);
  if ('problem' in v) return { problem: v.problem };
  const wanted = a.row.join(',');
  const edits: Edit[] = [];
  const before: Both[] = [];
  table.versions.forEach((version, vi) =>
    version.rows.forEach((row, ri) => {
      if (rowKey(row) !== wanted) return;
      const old = row.then[column]!;
      before.push(old.k === 'const' ? showBoth(old.v, type) : FORMULA);
      const then = row.then.slice();
      then[column] = { k: 'const', v: v.value };
      edits.push({ kind: 'row', table: table.name, version: vi, row: ri, replacement: { ...row, then } });
    }),
  );
  if (edits.length === 0) {
    const keys = table.versions.flatMap((ver) => ver.rows.map((r) => rowKey(r)));
    return {
      problem: diagnostic(
        'SR2201',
        { table: `'${a.name}'`, row: `'${wanted}'` },
        { path: a.text },
        { suggestions: suggestNames(wanted, keys) },
      ),
    };
  }
  return { value: { edits, from: distinctBoth(before), to: showBoth(v.value, type) } };
}

/**
 * A scenario from `--set` assignments against the base's members (one ruleset, or a set's
 * rulesets: an assignment applies to every member that has the name). One player per assignment.
 */
export function scenarioFromAssignments(
  name: string,
  base: readonly IrDocument[],
  texts: readonly string[],
): Result<ScenarioSpec | undefined> {
  const diagnostics: Diagnostic[] = [];
  const players: Player[] = [];
  const perMember: Edit[][][] = base.map(() => []);
  for (const text of texts) {
    const a = parseAssignment(text);
    if (!a) {
      diagnostics.push(diagnostic('SR2202', { text: `'${text}'` }, { path: text }));
      continue;
    }
    const found = base.map((ir) => resolveIn(ir, a));
    const problems = found.flatMap((f) => (f.problem ? [f.problem] : []));
    const hits = found.filter((f) => f.value);
    if (hits.length === 0) {
      if (problems.length > 0) diagnostics.push(problems[0]!);
      else {
        const names = base.flatMap((ir) => [
          ...ir.parameters.map((p) => p.name),
          ...ir.tables.map((t) => t.name),
        ]);
        diagnostics.push(
          diagnostic(
            'SR2200',
            { name: `'${a.name}'`, ruleset: base.map((ir) => `'${ir.ruleset.name}'`).join(', ') },
            { path: text },
            { suggestions: suggestNames(a.name, names) },
          ),
        );
      }
      continue;
    }
    // A value that fits one member but not another (a unit, a row) is still an error.
    if (problems.length > 0) {
      diagnostics.push(problems[0]!);
      continue;
    }
    // The base value per member: one value when all agree, else each with its ruleset's name.
    const none: Both = { nl: '', en: '' };
    const befores = base.flatMap((ir, m) =>
      found[m]!.value ? [{ ruleset: ir.ruleset.name, from: found[m]!.value!.from ?? none }] : [],
    );
    const agree = new Set(befores.map((b) => b.from.nl)).size === 1;
    const each = (lang: keyof Both) => befores.map((b) => `${b.from[lang]} (${b.ruleset})`).join('; ');
    players.push(
      player(
        a.row ? `${a.name}[${a.row.join(',')}]${a.column ? '.' + a.column : ''}` : a.name,
        agree ? befores[0]!.from : { nl: each('nl'), en: each('en') },
        hits[0]!.value!.to ?? none,
      ),
    );
    found.forEach((f, m) => perMember[m]!.push(f.value?.edits ?? []));
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  return {
    value: { name, players, members: perMember.map((edits) => ({ edits })) },
    diagnostics,
  };
}
