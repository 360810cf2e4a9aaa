// A scenario as ruleset text ("Kopieer als scenario" in the playground): a small ruleset that
// `breidt uit` the base and restates the changed parameters and tables, so `sroi whatif --scenario`
// runs what the panel ran. Built from the IR and the scenario's edits; every value is written as
// the language writes it (the value texts of the IR, `showValue` for new ones).
import type { IrDocument, IrType, IrValue } from '@sroi/core';
import type { Edit, IrParameter, IrRow, IrTable, Player } from './changes.js';
import { showValue } from './overrides.js';

const plural: Readonly<Record<string, string>> = {
  jaar: 'jaren',
  maand: 'maanden',
  week: 'weken',
  dag: 'dagen',
  uur: 'uren',
};

/** A type as a declaration writes it (`bedrag per jaar`, `duur in maanden`, `percentage optioneel`). */
function typeText(t: IrType): string {
  const base =
    t.t === 'tarief'
      ? `bedrag per ${t.per}`
      : t.t === 'duur'
        ? `duur in ${plural[t.unit] ?? t.unit}`
        : t.t === 'opsomming'
          ? t.name
          : t.t === 'rij'
            ? t.table
            : t.t;
  return t.optional ? `${base} optioneel` : base;
}

/** A value as the language writes it: texts quoted, everything else as `showValue` shows it. */
function valueText(v: IrValue, t: IrType): string {
  return 'text' in v && t.t === 'tekst' ? JSON.stringify(v.text) : showValue(v, t);
}

const quoted = (text: string) => JSON.stringify(text);

function parameterText(p: IrParameter, why: string): string[] {
  const range = p.range
    ? ` tussen ${valueText(p.range.min, p.type)} en ${valueText(p.range.max, p.type)}`
    : '';
  const head = `parameter ${p.name}: ${typeText(p.type)}${range}`;
  const note = `aanname ${quoted(why)}`;
  const only = p.versions.length === 1 && p.versions[0]!.from === undefined ? p.versions[0] : undefined;
  if (only) return [`${head} = ${only.src}`, `  ${note}`];
  return [head, ...p.versions.flatMap((v) => [`  vanaf ${v.from ?? ''}: ${v.src}`, `    ${note}`])];
}

/**
 * A table row as written: its input cells as in the source, its outputs from its values. Its bron
 * or aanname stays in the base (a quotation needs the name of its document, which the IR does not
 * keep); the table's `aanname` says what the scenario changed.
 */
function rowText(table: IrTable, row: IrRow, changed: boolean): string {
  if (!changed) return row.src;
  const cells = row.src.split('|').slice(1, -1);
  const inputs = cells.slice(0, cells.length - table.outputs.length).map((c) => c.trim());
  const outputs = table.outputs.map((o, i) => {
    const e = row.then[i]!;
    return e.k === 'const' ? valueText(e.v, o.type) : cells[inputs.length + i]!.trim();
  });
  return `| ${[...inputs, ...outputs].join(' | ')} |`;
}

function tableText(t: IrTable, changed: ReadonlySet<string>, why: string): string[] {
  const inputs = t.inputs.map((c) => `${c.name}: ${typeText(c.type)}`).join(', ');
  const outputs =
    t.single && t.outputs.length === 1
      ? typeText(t.outputs[0]!.type)
      : `(${t.outputs.map((c) => `${c.name}: ${typeText(c.type)}`).join(', ')})`;
  const lines = [`tabel ${t.name}(${inputs}): ${outputs} [${t.hitPolicy}]`, `  aanname ${quoted(why)}`];
  t.versions.forEach((v, vi) => {
    const indent = v.from !== undefined ? '    ' : '  ';
    if (v.from !== undefined) lines.push(`  vanaf ${v.from}:`);
    v.rows.forEach((row, ri) => lines.push(indent + rowText(t, row, changed.has(`${vi}:${ri}`))));
  });
  return lines;
}

export interface ScenarioTextOptions {
  /** The scenario's name (`regeling "..."`). */
  readonly name: string;
  /** The file it extends, as `breidt uit` names it (relative to where the scenario is saved). */
  readonly extends: string;
  /** Comment lines at the top (without `#`). */
  readonly comments?: readonly string[];
}

/**
 * The text of a scenario ruleset for one base ruleset and the edits a scenario makes to it (as
 * `scenarioFromAssignments` or `diffScenario` give them): the changed parameters restated with
 * their new values, and each table with a changed row restated whole (a table is replaced as a
 * whole), its other rows as written. The players name what changed, for the `aanname` lines.
 */
export function scenarioText(
  base: IrDocument,
  edits: readonly Edit[],
  players: readonly Player[],
  options: ScenarioTextOptions,
): string {
  const why = (label: (l: string) => boolean) =>
    `Scenario: ${players
      .filter((p) => label(p.label))
      .map((p) => `${p.label} ${p.from} → ${p.to}`)
      .join('; ')}`;
  const out = [
    ...(options.comments ?? []).map((c) => `# ${c}`),
    `regeling ${quoted(options.name)}`,
    `  breidt uit ${quoted(options.extends)}`,
  ];
  // Parameters in the base's order, then tables in the base's order.
  for (const p of base.parameters) {
    const edit = edits.find((e) => e.kind === 'parameter' && e.name === p.name);
    if (edit?.kind !== 'parameter') continue;
    out.push(
      '',
      ...parameterText(
        edit.replacement,
        why((l) => l === p.name),
      ),
    );
  }
  for (const t of base.tables) {
    const whole = edits.find((e) => e.kind === 'table' && e.name === t.name);
    const rows = edits.filter((e) => e.kind === 'row' && e.table === t.name);
    if (!whole && rows.length === 0) continue;
    let table = whole?.kind === 'table' ? whole.replacement : t;
    const changed = new Set<string>();
    for (const e of rows) {
      if (e.kind !== 'row') continue;
      const versions = table.versions.slice();
      const v = versions[e.version]!;
      const list = v.rows.slice();
      list[e.row] = e.replacement;
      versions[e.version] = { ...v, rows: list };
      table = { ...table, versions };
      changed.add(`${e.version}:${e.row}`);
    }
    out.push(
      '',
      ...tableText(
        table,
        changed,
        why((l) => l === t.name || l.startsWith(`${t.name}[`)),
      ),
    );
  }
  return out.join('\n') + '\n';
}
