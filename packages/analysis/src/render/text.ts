// The review reports as plain text for a terminal: the diff, the side-by-side comparison and the
// matrix — Dutch by default, English on request.
import { type Language } from '@sroi/core';
import type { ComparedLine, Comparison, Explanation } from '../compare.js';
import type { RulesetDiff } from '../diff/diff.js';
import { categoryOrder, type DiffChange, type DiffSide } from '../diff/model.js';
import type { Matrix } from '../matrix.js';
import { sectionOrder } from '../matrix.js';
import { showPlace } from '../ruleset.js';
import { fieldSpec, fieldText, showMoney } from '../values.js';
import {
  changeTitle,
  changeVerdict,
  findingContract,
  fragmentsText,
  groupName,
  probeText,
  scenarioText,
  sentence,
  summaryText,
  words,
} from './words.js';

const marker = (c: DiffChange) => (c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~');

function sideLines(letter: string, side: DiffSide | undefined, lang: Language, indent: string): string[] {
  const w = words[lang];
  if (!side) return [`${indent}${letter}  (${w.none})`];
  const out = [`${indent}${letter}  ${side.text}`];
  const inner = `${indent}   `;
  if (side.place) out.push(`${inner}${showPlace(side.place)}`);
  if (side.replaces) out.push(`${inner}${w.replaces} ${showPlace(side.replaces)}`);
  for (const row of side.rows ?? []) out.push(`${inner}| ${row.key} | ${row.text} |`);
  for (const p of side.provenance) out.push(`${inner}${p.kind}: ${p.text}`);
  return out;
}

function changeLines(c: DiffChange, lang: Language): string[] {
  const w = words[lang];
  const fragments = fragmentsText(c);
  const out = [
    `  ${marker(c)} ${changeTitle(c, lang)}: ${changeVerdict(c, lang)}${fragments ? ` (${fragments})` : ''}`,
  ];
  if (c.addedValues?.length) out.push(`      ${w.addedValues}: ${c.addedValues.join(', ')}`);
  if (c.removedValues?.length) out.push(`      ${w.removedValues}: ${c.removedValues.join(', ')}`);
  out.push(...sideLines('A', c.old, lang, '      '), ...sideLines('B', c.new, lang, '      '));
  return out;
}

const provenanceOnly = (c: DiffChange) => c.aspects.length === 1 && c.aspects[0] === 'provenance';

/** `sroi diff` as text. */
export function diffText(d: RulesetDiff, lang: Language = 'nl'): string {
  const w = words[lang];
  const out: string[] = [w.diffTitle];
  out.push(`  A  ${d.a.label} — ${d.a.name}, ${w.period} ${d.a.periods}`);
  out.push(`  B  ${d.b.label} — ${d.b.name}, ${w.period} ${d.b.periods}`);
  out.push('');
  const main = d.changes.filter((c) => !provenanceOnly(c));
  const provOnly = d.changes.filter(provenanceOnly);
  const summary = [d.changes.length ? w.summary(main.length, provOnly.length) : w.noChanges];
  if (d.boundaries) {
    const differing = d.boundaries.groups.reduce((n, g) => n + g.differing, 0);
    summary.push(w.boundarySummary(differing, d.boundaries.candidates));
  }
  out.push(sentence(summary));
  for (const category of categoryOrder) {
    const changes = main.filter((c) => c.category === category);
    if (changes.length === 0) continue;
    out.push('', w.categories[category]);
    for (const c of changes) out.push(...changeLines(c, lang));
  }
  if (provOnly.length) {
    out.push('', `${w.provenanceOnly} (${provOnly.length})`);
    for (const c of provOnly) {
      const places = [
        c.old?.place && `A ${showPlace(c.old.place)}`,
        c.new?.place && `B ${showPlace(c.new.place)}`,
      ]
        .filter(Boolean)
        .join('  ');
      out.push(`  ~ ${changeTitle(c, lang)}  ${places}`);
    }
  }
  if (d.boundaries) out.push('', ...boundaryLines(d, lang));
  return out.join('\n') + '\n';
}

function boundaryLines(d: RulesetDiff, lang: Language): string[] {
  const w = words[lang];
  const b = d.boundaries!;
  const out = [w.boundaries, `  ${w.searched(b.candidates, b.evaluations)}`];
  out.push(`  ${w.dates}: ${b.scenarios.map(scenarioText).join('; ')}.`);
  out.push(`  ${w.baseContract(showMoney(b.base.waarde, lang), b.base.opdrachtsoort)}`);
  for (const g of b.groups.filter((x) => x.differing > 0)) {
    const shown = g.findings.length < g.differing ? ` ${w.shownOf(g.findings.length)}` : '';
    out.push('', `  ${w.groupLine(groupName(g.group, lang), g.differing, g.candidates)}${shown}`);
    for (const [i, f] of g.findings.entries()) {
      out.push(`    ${i + 1}. ${findingContract(f, lang)}`);
      const indent = '       ';
      const probe = probeText(f, lang);
      if (probe) out.push(`${indent}${probe}`);
      if (f.boundary) out.push(`${indent}${w.boundary}`);
      out.push(`${indent}A  ${summaryText(f.results[0], lang)}`);
      out.push(`${indent}B  ${summaryText(f.results[1], lang)}`);
      const also = f.alsoOn.length ? `; ${w.alsoOn} ${f.alsoOn.map(scenarioText).join('; ')}` : '';
      out.push(
        `${indent}${w.differs} ${f.differs.map((x) => w.outcomes[x] ?? x).join(', ')} ${w.onDates} ${scenarioText(f.scenario)}${also}`,
      );
    }
  }
  const same = b.groups.filter((g) => g.differing === 0);
  if (same.length)
    out.push(
      '',
      `  ${w.sameIn}: ${same.map((g) => `${groupName(g.group, lang)} (${w.candidatesOf(g.candidates)})`).join(', ')}.`,
    );
  out.push('', w.exit);
  return out;
}

// ── compare ───────────────────────────────────────────────────────────────────

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function explanationLines(explanations: readonly Explanation[], lang: Language, indent: string): string[] {
  const w = words[lang];
  const out: string[] = [];
  for (const e of explanations) {
    out.push(`${indent}${w.against(e.against + 1, 1)}:`);
    for (const r of e.rules) {
      const where = r.other?.plaats ?? r.base?.plaats;
      const place = where ? `  (${where.bestand}:${where.regel})` : '';
      if (r.base && r.other) out.push(`${indent}  ${r.regel}: ${r.base.waarde} → ${r.other.waarde}${place}`);
      else if (r.other)
        out.push(`${indent}  ${r.regel} = ${r.other.waarde} (${w.onlyIn(e.against + 1)})${place}`);
      else if (r.base) out.push(`${indent}  ${r.regel} = ${r.base.waarde} (${w.onlyIn(1)})${place}`);
      const rule = /^(definitie|waardering|uitkomst|maximum|route) /.test(r.regel);
      if (rule && r.base?.formule && r.other?.formule && r.base.formule !== r.other.formule) {
        out.push(`${indent}      [1] ${r.base.formule}`);
        out.push(`${indent}      [${e.against + 1}] ${r.other.formule}`);
      }
    }
  }
  return out;
}

/** `sroi compare` as text. */
export function compareText(c: Comparison, lang: Language = 'nl'): string {
  const w = words[lang];
  const out: string[] = [
    `${w.compareTitle}: ${[c.contract.id, c.contract.omschrijving].filter(Boolean).join(' — ')}`,
  ];
  for (const [i, r] of c.rulesets.entries()) {
    out.push(`  [${i + 1}] ${r.label} — ${r.name}, ${w.period} ${r.periods}`);
    if (r.date)
      out.push(
        `      ${r.date.moved ? w.moved(r.date.field, r.date.given ?? '?', r.periods, r.date.used) : w.notMoved(r.date.field, r.date.used)}`,
      );
    if (!r.result) out.push(`      ${w.refused}: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  }
  const width = 14;
  const labelWidth = 44;
  // A value resting on an aanname is marked °: the meeting sees which numbers are provisional.
  const cells = (values: readonly (string | undefined)[], provenance?: ComparedLine['provenance']) =>
    values
      .map(
        (v, i) =>
          padStart(v === undefined ? '—' : v === '-' ? '-' : showMoney(v, lang), width) +
          (provenance?.[i]?.kind === 'aanname' ? '°' : ' '),
      )
      .join(' ');
  const header =
    `${pad('', labelWidth)} ${c.rulesets.map((_, i) => padStart(`[${i + 1}]`, width) + ' ').join(' ')}`.trimEnd();
  out.push('', w.legendCompare, header);
  const line = (
    label: string,
    values: readonly (string | undefined)[],
    differs: boolean,
    provenance?: ComparedLine['provenance'],
  ) => `${pad(label, labelWidth)} ${cells(values, provenance)}${differs ? ' *' : ''}`.trimEnd();
  const o = (name: string) => c.outcomes.find((x) => x.key === name)!;
  out.push(
    line(
      capital(w.outcomes['verplichting']!),
      o('verplichting').values,
      o('verplichting').differs,
      o('verplichting').provenance,
    ),
  );
  out.push(w.activities);
  for (const a of c.activities) {
    const label = `  ${a.index + 1}. ${activityLabel(a.activity, lang)}`;
    out.push(
      line(
        label.length > labelWidth ? label.slice(0, labelWidth - 1) + '…' : label,
        a.values,
        a.differs,
        a.provenance,
      ),
    );
  }
  out.push(w.routes);
  for (const r of c.routes) {
    out.push(line(`  ${r.label}`, r.values, r.differs, r.provenance));
    if (r.maxima.some((m) => m !== undefined)) {
      const maxima = r.maxima.map((m, i) => (m === undefined && c.rulesets[i]?.result ? w.none : m));
      const differs = new Set(maxima).size > 1;
      out.push(
        `${pad(`    ${w.cap}`, labelWidth)} ${maxima.map((m) => padStart(m === undefined ? '—' : m === w.none ? m : showMoney(m, lang), width) + ' ').join(' ')}${differs ? ' *' : ''}`.trimEnd(),
      );
    }
  }
  for (const name of ['gerealiseerd', 'restant', 'overschot', 'boete'] as const)
    out.push(line(capital(w.outcomes[name]!), o(name).values, o(name).differs, o(name).provenance));
  const pct = o('percentage');
  out.push(
    `${pad(capital(w.outcomes['percentage']!), labelWidth)} ${pct.values
      .map(
        (v, i) =>
          padStart(
            v === undefined ? '—' : v === '-' ? '-' : `${v.replace('.', lang === 'nl' ? ',' : '.')}%`,
            width,
          ) + (pct.provenance[i]?.kind === 'aanname' ? '°' : ' '),
      )
      .join(' ')}${pct.differs ? ' *' : ''}`.trimEnd(),
  );

  const explained: string[] = [];
  const explain = (title: string, explanations: readonly Explanation[]) => {
    if (explanations.length === 0) return;
    explained.push(`  ${title}`, ...explanationLines(explanations, lang, '    '));
  };
  explain(capital(w.outcomes['verplichting']!), o('verplichting').explanations);
  for (const a of c.activities) explain(`${a.index + 1}. ${activityLabel(a.activity, lang)}`, a.explanations);
  if (explained.length) out.push('', `${w.explained}:`, ...explained);
  return out.join('\n') + '\n';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function activityLabel(a: Readonly<Record<string, unknown>>, lang: Language): string {
  const kind = String(a['soort']);
  const parts = Object.entries(a)
    .filter(([k]) => k !== 'soort' && k !== 'omschrijving' && k !== 'vanContract')
    .map(([k, v]) => fieldText(k, v, fieldSpec('activity', k, kind)?.type, lang));
  return `${kind} (${parts.join(', ')})`;
}

// ── matrix ────────────────────────────────────────────────────────────────────

/** A row's label without its standard fields: "Leerling mbo-bol (fte 1, 12 maanden)" → "Leerling mbo-bol". */
const shortLabel = (label: string) => label.replace(/ \(.*\)$/, '');

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** `sroi matrix` as text: one table per section, long cells clipped (HTML and CSV show them whole). */
export function matrixText(m: Matrix, lang: Language = 'nl'): string {
  const w = words[lang];
  const out: string[] = [w.matrixTitle];
  for (const [i, r] of m.rulesets.entries())
    out.push(`  [${i + 1}] ${r.label} — ${r.name}, ${w.period} ${r.periods}`);
  out.push('', w.matrixBase, w.matrixDate(m.date));
  for (const [i, r] of m.rulesets.entries()) out.push(`  [${i + 1}] ${r.date}`);
  out.push(
    w.divergentRows(m.rows.filter((r) => r.divergent).length, m.rows.length),
    w.legend,
    w.legendProvenance,
  );
  const labelWidth = 46;
  const width = 24;
  for (const section of sectionOrder) {
    const rows = m.rows.filter((r) => r.section === section);
    if (rows.length === 0) continue;
    out.push('', w.categories[section]);
    out.push(
      `  ${pad('', labelWidth)} ${m.rulesets.map((_, i) => pad(`[${i + 1}]`, width)).join(' ')}`.trimEnd(),
    );
    // One line per note, with the rulesets and rows it is given for (a note repeats across rows).
    const notes = new Map<string, { rulesets: Set<number>; rows: Set<string> }>();
    for (const r of rows) {
      const cells = r.cells.map((c, i) => {
        const marks = `${c.provenance?.kind === 'aanname' ? '°' : ''}${c.note ? '!' : ''}`;
        if (c.note) {
          const n = notes.get(c.note) ?? { rulesets: new Set<number>(), rows: new Set<string>() };
          n.rulesets.add(i + 1);
          n.rows.add(shortLabel(r.label));
          notes.set(c.note, n);
        }
        return pad(clip(c.text, width - 2 - marks.length) + marks + (c.divergent ? ' *' : ''), width);
      });
      out.push(
        `${r.divergent ? '≠' : ' '} ${pad(clip(r.label, labelWidth), labelWidth)} ${cells.join(' ')}`.trimEnd(),
      );
    }
    if (notes.size)
      out.push(
        `  ${w.notes}:`,
        ...[...notes].map(
          ([note, n]) =>
            `  ! ${[...n.rulesets].map((i) => `[${i}]`).join(' ')} ${note} — ${[...n.rows].join('; ')}`,
        ),
      );
  }
  return out.join('\n') + '\n';
}
