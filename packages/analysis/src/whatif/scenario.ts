// A scenario ruleset (`breidt uit` the base) against its base: the parameters and table rows it
// replaces become the players of the attribution; any other difference (a formula, a route, a
// period) makes the scenario one indivisible change, evaluated as a whole without attribution.
import type { IrDocument } from '@sroi/core';
import type { Edit, IrRow, IrTable, MemberVariant, Player } from './changes.js';
import { distinctBoth, FORMULA, player, rowKey, showBoth, type Both } from './overrides.js';

/** JSON of a part of the IR without its places and sources: what it computes, not where it was written. */
function meaning(x: unknown): string {
  return JSON.stringify(x, (key, value: unknown) =>
    key === 'at' || key === 'src' || key === 'provenance' ? undefined : value,
  );
}

/** The `at.file` indices of `x` renumbered from one IR's `files` to another's. */
function renumber<T>(x: T, map: readonly number[]): T {
  return JSON.parse(JSON.stringify(x), (key, value: unknown) =>
    key === 'file' && typeof value === 'number' ? map[value] : value,
  ) as T;
}

export interface ScenarioDiff {
  readonly players: Player[];
  readonly variant: MemberVariant;
  /** What else differs, when the scenario is more than parameters and rows. */
  readonly structural: string[];
}

/** The scenario `scenario` against the base member `base` it extends. */
export function diffScenario(base: IrDocument, scenario: IrDocument): ScenarioDiff {
  const files = [...base.files];
  const map = scenario.files.map((f) => {
    const i = files.indexOf(f);
    if (i >= 0) return i;
    files.push(f);
    return files.length - 1;
  });
  const players: Player[] = [];
  const edits: Edit[][] = [];
  const structural: string[] = [];

  for (const p of scenario.parameters) {
    const old = base.parameters.find((b) => b.name === p.name);
    if (!old) {
      structural.push(`parameter ${p.name}`);
      continue;
    }
    if (meaning(old) === meaning(p)) continue;
    players.push(
      player(
        p.name,
        distinctBoth(old.versions.map((v) => showBoth(v.value, old.type))),
        distinctBoth(p.versions.map((v) => showBoth(v.value, p.type))),
      ),
    );
    edits.push([{ kind: 'parameter', name: p.name, replacement: renumber(p, map) }]);
  }
  for (const b of base.parameters)
    if (!scenario.parameters.some((p) => p.name === b.name)) structural.push(`parameter ${b.name}`);

  for (const t of scenario.tables) {
    const old = base.tables.find((b) => b.name === t.name);
    if (!old) {
      structural.push(`tabel ${t.name}`);
      continue;
    }
    if (meaning(old) === meaning(t)) continue;
    const rows = rowChanges(old, t);
    if (rows) {
      for (const [key, list] of rows) {
        const first = list[0]!;
        const shown = (r: IrRow): Both => {
          const x = r.then[0];
          return x && x.k === 'const' ? showBoth(x.v, t.outputs[0]!.type) : FORMULA;
        };
        players.push(
          player(
            `${t.name}[${key}]`,
            shown(old.versions[first.version]!.rows[first.row]!),
            shown(first.replacement),
          ),
        );
        edits.push(list.map((e) => ({ ...e, replacement: renumber(e.replacement, map) })));
      }
    } else {
      players.push(
        player(t.name, { nl: '(tabel)', en: '(table)' }, { nl: '(gewijzigde tabel)', en: '(changed table)' }),
      );
      edits.push([{ kind: 'table', name: t.name, replacement: renumber(t, map) }]);
    }
  }
  for (const b of base.tables)
    if (!scenario.tables.some((t) => t.name === b.name)) structural.push(`tabel ${b.name}`);

  const parts = [
    'referenceDate',
    'periods',
    'enumerations',
    'definitions',
    'valuations',
    'routes',
    'outcomes',
  ] as const;
  for (const part of parts)
    if (meaning(base[part]) !== meaning(scenario[part])) {
      const named = (x: unknown) => (x as { name?: string; key?: string; kind?: string }[]) ?? [];
      if (Array.isArray(base[part])) {
        const a = new Map(named(base[part]).map((x) => [x.name ?? x.key ?? x.kind, meaning(x)]));
        const changed = named(scenario[part])
          .filter((x) => a.get(x.name ?? x.key ?? x.kind) !== meaning(x))
          .map((x) => x.name ?? x.key ?? x.kind);
        structural.push(...(changed.length > 0 ? changed.map((c) => `${part} ${c}`) : [part]));
      } else structural.push(part);
    }

  // A scenario that is more than separable edits is one change as a whole (one player at least,
  // so it is applied at all).
  if (structural.length > 0)
    return {
      players:
        players.length > 0
          ? players
          : [
              player(
                'overige wijzigingen',
                { nl: '', en: '' },
                { nl: structural.join(', '), en: structural.join(', ') },
              ),
            ],
      variant: { whole: scenario },
      structural,
    };
  return { players, variant: { edits, files }, structural };
}

/** The changed rows of a table whose versions and row conditions are the same, by row key; undefined otherwise. */
function rowChanges(old: IrTable, t: IrTable): Map<string, (Edit & { kind: 'row' })[]> | undefined {
  if (old.versions.length !== t.versions.length) return undefined;
  if (meaning({ ...old, versions: [] }) !== meaning({ ...t, versions: [] })) return undefined;
  const out = new Map<string, (Edit & { kind: 'row' })[]>();
  for (const [vi, v] of t.versions.entries()) {
    const ov = old.versions[vi]!;
    if (ov.from !== v.from || ov.rows.length !== v.rows.length) return undefined;
    for (const [ri, row] of v.rows.entries()) {
      const orow = ov.rows[ri]!;
      if (meaning(orow.when) !== meaning(row.when)) return undefined;
      if (meaning(orow.then) === meaning(row.then)) continue;
      const key = rowKey(row);
      const list = out.get(key) ?? [];
      list.push({ kind: 'row', table: t.name, version: vi, row: ri, replacement: row });
      out.set(key, list);
    }
  }
  return out;
}
