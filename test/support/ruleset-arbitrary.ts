// Generated rulesets that compile without errors, for the IR and differential properties: every
// declaration kind (parameters with `vanaf` versions, enumerations, tables with each hit policy,
// definitions, valuations with requirements and messages, routes with caps, the five outcomes and
// extra ones), filled with well-typed formulas drawn from the contract vocabulary. Written as text,
// so the whole pipeline (parser, checker, lowering) stands between the generator and the IR.
import { fc } from '@fast-check/vitest';
import { activityKinds, sharedEnumerationValues, type EnumerationValues, type FieldSpec } from '@sroi/core';
import { Random } from './random.js';

/** A generated ruleset: its text and the enumeration values contracts may use. */
export interface GeneratedRuleset {
  readonly text: string;
  readonly enumerations: EnumerationValues;
}

/** The start dates versions may have; the first is where every period and version begins. */
const VERSION_DATES = ['2019-10-01', '2021-01-01', '2023-07-01', '2025-07-01', '2026-03-15'];
const FIRST_DAY = VERSION_DATES[0]!;
const LAST_DAY = '2027-12-31';

// Every activity kind of the vocabulary, and what formulas can read of it, derived from its fields:
// a kind added to the vocabulary is valued, capped and compared by the differential tests as is.
const kinds = Object.keys(activityKinds);
type Kind = string;
const fieldsOf = (kind: Kind): [string, FieldSpec][] => Object.entries(activityKinds[kind] ?? {});
const fieldWhere = (kind: Kind, test: (spec: FieldSpec) => boolean): string[] =>
  fieldsOf(kind)
    .filter(([, spec]) => test(spec))
    .map(([name]) => name);

/** Per kind: its duration in months, its hours, its fte (the first such field, if any). */
const monthsField = (kind: Kind) =>
  fieldWhere(kind, (s) => s.type.kind === 'duration' && s.type.unit === 'maanden')[0];
const hoursField = (kind: Kind) =>
  fieldWhere(kind, (s) => s.type.kind === 'duration' && s.type.unit === 'uren')[0];
const fteField = (kind: Kind) => (activityKinds[kind]?.['fte'] ? 'fte' : undefined);
/** Its enumeration fields, as [field, enumeration]. */
const enumFields = (kind: Kind): [field: string, enumeration: string][] =>
  fieldsOf(kind).flatMap(([name, spec]) =>
    spec.type.kind === 'enum' ? [[name, spec.type.enumeration]] : [],
  );
const enumField = (kind: Kind, enumeration: string) =>
  enumFields(kind).find(([, e]) => e === enumeration)?.[0];
/** Its required amount (the cost, the invoice, the amount invested). */
const moneyField = (kind: Kind) =>
  fieldWhere(kind, (s) => s.type.kind === 'money' && s.presence === 'required')[0];
/** Its yes/no facts that are "nee" unless stated, and its optional truth values. */
const facts = (kind: Kind) => fieldWhere(kind, (s) => s.presence === 'default-false');
const optionalBooleans = (kind: Kind) =>
  fieldWhere(kind, (s) => s.type.kind === 'boolean' && s.presence === 'optional');
/** Its optional whole numbers (age, level), with their bounds, and its optional percentages. */
const optionalWholeNumbers = (kind: Kind): [string, number, number][] =>
  fieldsOf(kind).flatMap(([name, s]) =>
    s.presence === 'optional' && s.type.kind === 'number' && s.type.integer
      ? [[name, s.type.min ?? 0, s.type.max ?? 100] as [string, number, number]]
      : [],
  );
const optionalPercentages = (kind: Kind) =>
  fieldWhere(kind, (s) => s.type.kind === 'percentage' && s.presence === 'optional');

// ── a small seeded chooser: one integer seed makes one ruleset ──────────────

class Chooser extends Random {
  /** A subset in the original order, of at least `min` elements. */
  subset<T>(xs: readonly T[], min = 1): T[] {
    const out = xs.filter(() => this.chance(0.5));
    while (out.length < min) {
      const x = this.pick(xs);
      if (!out.includes(x)) out.push(x);
    }
    return xs.filter((x) => out.includes(x));
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.between(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** Dutch notation: 1234.5 → "1.234,5"; `decimals` fixed digits after the comma. */
function dutch(value: number, decimals = 0): string {
  const [int, frac] = value.toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

class Generator {
  private readonly out: string[] = [];
  readonly enumerations: Record<string, string[]> = {};

  constructor(private readonly r: Chooser) {}

  private euros(max: number): string {
    const cents = this.r.chance(0.3) ? this.r.between(0, max) * 100 : this.r.between(0, max * 100);
    return `€ ${dutch(cents / 100, cents % 100 === 0 ? 0 : 2)}`;
  }
  private percent(): string {
    return this.r.chance(0.5)
      ? `${this.r.between(0, 100)}%`
      : `${dutch(this.r.between(0, 10_000) / 100, 2)}%`;
  }
  private number(): string {
    return this.r.pick([
      '0',
      '1',
      '2',
      '0,5',
      '1,5',
      '0,333',
      '12',
      dutch(this.r.between(0, 3000) / 1000, 3),
    ]);
  }
  /** `vanaf` dates: the first one, then some of the later ones, ascending. */
  private versionDates(): string[] {
    const later = VERSION_DATES.slice(1).filter(() => this.r.chance(0.3));
    return [FIRST_DAY, ...later];
  }

  generate(): string {
    const r = this.r;
    const twoPeriods = r.chance(0.5);
    this.out.push(
      'regeling "Gegenereerd"',
      '  bron "test/support/ruleset-arbitrary.ts"',
      '  peildatum contract.gunningsdatum',
      ...(twoPeriods
        ? [
            `  periode "eerste" van ${FIRST_DAY} tot en met 2023-06-30`,
            `  periode "tweede" van 2023-07-01 tot en met ${LAST_DAY}`,
          ]
        : [`  periode "alles" van ${FIRST_DAY} tot en met ${LAST_DAY}`]),
      '',
    );
    // Enumerations: the shared values, sometimes one more (contracts may then use it).
    for (const [name, values] of Object.entries(sharedEnumerationValues)) {
      const list = [...values, ...(r.chance(0.2) ? [`extra-${name}`] : [])];
      this.enumerations[name] = list;
      this.out.push(`opsomming ${name}: ${list.join(', ')}`);
    }
    this.out.push('');
    this.parameters();
    this.tables();
    this.definitions();
    for (const kind of kinds) this.valuation(kind);
    this.routes();
    this.outcomes();
    return this.out.join('\n') + '\n';
  }

  private versioned(head: string, value: () => string): void {
    const dates = this.versionDates();
    if (dates.length === 1 && this.r.chance(0.5)) {
      this.out.push(`parameter ${head} = ${value()}`, '  aanname "gegenereerd"');
      return;
    }
    this.out.push(`parameter ${head}`);
    for (const d of dates) this.out.push(`  vanaf ${d}: ${value()}`, '    aanname "gegenereerd"');
  }

  private parameters(): void {
    this.versioned('drempel: bedrag', () => this.euros(200_000));
    this.versioned('sr_percentage: percentage', () => this.percent());
    this.versioned('boete_percentage: percentage', () => this.percent());
    this.versioned('tarief_uur: bedrag per uur', () => `${this.euros(200)} per uur`);
    this.versioned('tarief_maand: bedrag per maand', () => `${this.euros(3000)} per maand`);
    this.versioned('max_maanden: duur in maanden', () => `${this.r.between(1, 60)} maanden`);
    this.versioned('factor: getal', () => this.number());
    this.out.push('');
  }

  /** Rows of a one-column table over an enumeration, for a hit policy. */
  private enumRows(
    values: readonly string[],
    policy: 'uniek' | 'eerste' | 'som',
    output: () => string,
  ): string[] {
    const r = this.r;
    if (policy === 'uniek') {
      // A partition of the values into groups: complete and without overlap.
      const shuffled = r.shuffle(values);
      const rows: string[][] = [];
      for (const v of shuffled) {
        if (rows.length > 0 && r.chance(0.4)) rows[r.between(0, rows.length - 1)]!.push(v);
        else rows.push([v]);
      }
      return rows.map((g) => `| ${g.join(', ')} | ${output()} |`);
    }
    if (policy === 'eerste') {
      // Distinct groups first (each first for some value), then a catch-all row.
      const remaining = r.shuffle(values);
      const rows: string[] = [];
      while (remaining.length > 1 && r.chance(0.7)) {
        const n = r.between(1, Math.min(3, remaining.length - 1));
        rows.push(`| ${remaining.splice(0, n).join(', ')} | ${output()} |`);
      }
      return [...rows, `| - | ${output()} |`];
    }
    // [som]: any groups, each reachable; values in no row add € 0.
    const rows: string[] = [];
    const n = this.r.between(1, 4);
    for (let i = 0; i < n; i++) rows.push(`| ${r.subset(values).join(', ')} | ${output()} |`);
    if (r.chance(0.3)) rows.push(`| - | ${output()} |`);
    return rows;
  }

  private table(head: string, rows: () => string[]): void {
    const dates = this.versionDates();
    this.out.push(head, '  aanname "gegenereerd"');
    if (dates.length === 1 && this.r.chance(0.5)) {
      for (const row of rows()) this.out.push(`  ${row}`);
    } else
      for (const d of dates) {
        this.out.push(`  vanaf ${d}:`);
        for (const row of rows()) this.out.push(`    ${row}`);
      }
    this.out.push('');
  }

  private tables(): void {
    const r = this.r;
    const yearly = () => `${this.euros(60_000)} per jaar`;
    const policy1 = r.pick(['uniek', 'eerste'] as const);
    this.table(`tabel jaarwaarde(doelgroep: doelgroep): bedrag per jaar [${policy1}]`, () =>
      this.enumRows(this.enumerations['doelgroep']!, policy1, yearly),
    );
    const policy2 = r.pick(['uniek', 'eerste', 'som'] as const);
    this.table(`tabel leerwaarde(opleiding: opleiding): bedrag per jaar [${policy2}]`, () =>
      this.enumRows(this.enumerations['opleiding']!, policy2, yearly),
    );
    // Two columns, one of them ranges of months: [eerste] with a catch-all last row.
    this.table('tabel maandwaarde(vorm: vorm, maanden: duur in maanden): bedrag per maand [eerste]', () => {
      const rows: string[] = [];
      const n = r.between(0, 3);
      for (let i = 0; i < n; i++) {
        const a = r.between(1, 24);
        const b = a + r.between(1, 24);
        const bound = r.pick([`< ${a} maanden`, `≥ ${a} maanden`, `≥ ${a} maanden en < ${b} maanden`, '-']);
        const vorm = r.subset(this.enumerations['vorm']!).join(', ');
        rows.push(`| ${vorm} | ${bound} | ${this.euros(2000)} per maand |`);
      }
      return [...rows, `| - | - | ${this.euros(2000)} per maand |`];
    });
    // Several outputs: a row picked by a dot.
    this.table(
      'tabel inkoopnorm(leverancier: leverancier): (deel: percentage, plafond: bedrag) [uniek]',
      () =>
        this.enumRows(
          this.enumerations['leverancier']!,
          'uniek',
          () => `${this.percent()} | ${this.euros(500_000)}`,
        ),
    );
  }

  private definitions(): void {
    this.out.push(
      'definitie geteld bij plaatsing: duur in maanden =',
      `  ${this.r.chance(0.5) ? 'min(activiteit.maanden, max_maanden)' : 'als activiteit.doelgroep in (banenafspraak, ww) dan activiteit.maanden anders min(activiteit.maanden, max_maanden)'}`,
      'definitie basis bij plaatsing: bedrag =',
      '  jaarwaarde(activiteit.doelgroep) × min(activiteit.fte, 1) × geteld',
      'definitie in_bereik: janee = contract.waarde > drempel',
      '',
    );
  }

  // ── formulas ──

  /** A condition that holds for some activities of `kind` and not for others. */
  private condition(kind: Kind, depth: number): string {
    const r = this.r;
    const options: (() => string)[] = [
      () => `contract.opdrachtsoort ${r.pick(['=', '≠'])} ${r.pick(this.enumerations['opdrachtsoort']!)}`,
      () => `contract.waarde ${r.pick(['>', '≥', '<'])} ${r.pick(['drempel', this.euros(500_000)])}`,
      () => `contract.gunningsdatum ${r.pick(['<', '≥'])} ${r.pick(VERSION_DATES)}`,
      () => `${r.chance(0.5) ? '' : 'niet '}contract.inspanningAangetoond`,
      () => `standaard(contract.arbeidsaandeel, ${this.percent()}) ≥ ${this.percent()}`,
      () => 'in_bereik',
      () =>
        `standaard(maanden_tussen(contract.startdatum, contract.einddatum), ${r.between(0, 3)} maanden) ${r.pick(['>', '≤'])} ${r.between(1, 48)} maanden`,
    ];
    for (const [field, enumeration] of enumFields(kind))
      options.push(
        () =>
          `activiteit.${field} ${r.chance(0.3) ? 'niet ' : ''}in (${r.subset(this.enumerations[enumeration]!).join(', ')})`,
        () => `activiteit.${field} ${r.pick(['=', '≠'])} ${r.pick(this.enumerations[enumeration]!)}`,
      );
    for (const f of facts(kind)) options.push(() => `activiteit.${f}`);
    const months = monthsField(kind);
    if (months)
      options.push(
        () => `activiteit.${months} ${r.pick(['>', '≤', '='])} ${r.between(1, 36)} maanden`,
        () =>
          `activiteit.${months} > standaard(maanden_tussen(contract.startdatum, contract.einddatum), 120 maanden)`,
      );
    const fte = fteField(kind);
    if (fte) options.push(() => `activiteit.${fte} ${r.pick(['≥', '<'])} ${r.pick(['0,5', '1', '0,25'])}`);
    for (const [f, min, max] of optionalWholeNumbers(kind))
      options.push(
        () => `standaard(activiteit.${f}, ${r.between(min, max)}) < ${r.between(min, max)}`,
        () => `bekend(activiteit.${f})`,
      );
    for (const f of optionalPercentages(kind))
      options.push(() => `standaard(activiteit.${f}, 30%) ≥ ${this.percent()}`);
    for (const f of optionalBooleans(kind))
      options.push(() => `standaard(activiteit.${f}, ${r.pick(['ja', 'nee'])})`);
    const hours = hoursField(kind);
    if (hours) options.push(() => `activiteit.${hours} > ${r.between(0, 200)} uur`);
    if (depth > 0 && r.chance(0.3)) {
      const a = this.condition(kind, depth - 1);
      const b = this.condition(kind, depth - 1);
      return r.pick([`(${a}) en (${b})`, `(${a}) of (${b})`, `niet (${a})`]);
    }
    return r.pick(options)();
  }

  /** An amount for one activity of `kind` (any fraction of a cent; the valuation rounds it). */
  private money(kind: Kind, depth: number): string {
    const r = this.r;
    const atoms: (() => string)[] = [() => this.euros(20_000), () => 'drempel'];
    const field = moneyField(kind);
    if (field)
      atoms.push(
        () => `activiteit.${field}`,
        () => `activiteit.${field}`,
      );
    const months = monthsField(kind);
    const fte = fteField(kind);
    if (months)
      atoms.push(
        () => `tarief_maand × ${r.pick([`activiteit.${months}`, `min(activiteit.${months}, max_maanden)`])}`,
        () => `${this.euros(50_000)} per jaar × activiteit.${months}`,
      );
    // The definitions `basis` and `geteld` are declared for plaatsing (see `definitions`).
    if (kind === 'plaatsing')
      atoms.push(
        () => 'basis',
        () => 'basis',
      );
    // The tables of the ruleset, for every kind with the fields they take.
    const doelgroep = enumField(kind, 'doelgroep');
    if (doelgroep && fte && months)
      atoms.push(
        () =>
          `jaarwaarde(activiteit.${doelgroep}) × ${r.pick([`activiteit.${fte}`, `min(activiteit.${fte}, 1)`])} × activiteit.${months}`,
      );
    const opleiding = enumField(kind, 'opleiding');
    if (opleiding && fte && months)
      atoms.push(
        () => `leerwaarde(activiteit.${opleiding}) × min(activiteit.${fte}, 1) × activiteit.${months}`,
      );
    const vorm = enumField(kind, 'vorm');
    if (vorm && months)
      atoms.push(() => `maandwaarde(activiteit.${vorm}, activiteit.${months}) × activiteit.${months}`);
    const leverancier = enumField(kind, 'leverancier');
    if (leverancier && field)
      atoms.push(
        () => `activiteit.${field} × inkoopnorm(activiteit.${leverancier}).deel`,
        () => `min(activiteit.${field}, inkoopnorm(activiteit.${leverancier}).plafond)`,
      );
    const hours = hoursField(kind);
    if (hours)
      atoms.push(
        () => `tarief_uur × activiteit.${hours}`,
        () => `${this.euros(150)} per uur × activiteit.${hours}`,
      );
    if (depth <= 0 || r.chance(0.35)) return r.pick(atoms)();
    const a = () => this.money(kind, depth - 1);
    const scalar = () =>
      r.pick([
        () => this.number(),
        () => 'factor',
        () => this.percent(),
        () => 'sr_percentage',
        () => (fteField(kind) ? `activiteit.${fteField(kind)}` : '2'),
      ])();
    return r.pick([
      () => `${a()} + ${a()}`,
      () => `max(€ 0, ${a()} - ${a()})`,
      // Negative amounts too: rounding half away from zero, down and up differ below zero.
      () => `${a()} - ${a()}`,
      () => `-(${a()})`,
      () => `(${a()}) × ${scalar()}`,
      () => `(${a()}) / ${r.pick(['3', '7', '12', '1,5'])}`,
      // `factor` is 0 in some versions: a division by zero, reported as a located diagnostic.
      () => `(${a()}) / ${r.pick(['factor', 'standaard(contract.arbeidsaandeel, 100%)'])}`,
      () => `${r.pick(['min', 'max'])}(${a()}, ${a()})`,
      () => `(als ${this.condition(kind, 1)} dan ${a()} anders ${a()})`,
      () => `(${a()} met melding "${this.template(kind)}")`,
    ])();
  }

  /** A message text, sometimes with values in it (formatted by each engine). */
  private template(kind: Kind): string {
    const parts = [
      'Let op',
      'waarde "{contract.waarde}"',
      'datum {contract.gunningsdatum}',
      '{{letterlijk}}',
    ];
    const months = monthsField(kind);
    if (months) parts.push(`{activiteit.${months}}`);
    if (fteField(kind)) parts.push(`fte {activiteit.${fteField(kind)}}`);
    for (const f of optionalPercentages(kind).slice(0, 1)) parts.push(`aandeel {activiteit.${f}}`);
    const hours = hoursField(kind);
    if (hours) parts.push(`{activiteit.${hours}}`);
    return this.r.subset(parts).join(' ').replace(/"/g, '\\"');
  }

  private valuation(kind: Kind): void {
    const r = this.r;
    if (r.chance(0.08)) {
      this.out.push(`waardering ${kind} = € 0 met melding "${kind} telt niet"`, '');
      return;
    }
    const field = moneyField(kind);
    const formula =
      field && r.chance(0.2)
        ? `activiteit.${field}`
        : `afronden(${this.money(kind, 3)}, op € ${r.pick(['0,01', '0,01', '1', '0,05'])}${r.pick(['', '', ' naar beneden', ' naar boven'])})`;
    this.out.push(`waardering ${kind} =`, `  ${formula}`, '  aanname "gegenereerd"');
    const requirements = r.between(0, 2);
    for (let i = 0; i < requirements; i++)
      this.out.push(
        `  vereist ${this.condition(kind, 1)}`,
        `    anders "Vereiste ${i + 1}: ${this.template(kind)}"`,
      );
    // `binnen`: the contract's duration (unknown without both dates), or a fixed number of months.
    if (monthsField(kind) === 'maanden' && r.chance(0.5))
      this.out.push(
        `  binnen ${r.pick(['maanden_tussen(contract.startdatum, contract.einddatum)', `${r.between(1, 36)} maanden`, `standaard(maanden_tussen(contract.startdatum, contract.einddatum), ${r.between(1, 12)} maanden) / 2`])}`,
        '    aanname "gegenereerd"',
      );
    this.out.push('');
  }

  private routes(): void {
    const r = this.r;
    const order = r.shuffle(kinds);
    const count = r.between(1, 4);
    const groups: Kind[][] = Array.from({ length: count }, () => []);
    order.forEach((k, i) => groups[i < count ? i : r.between(0, count - 1)]!.push(k));
    groups.forEach((group, i) => {
      this.out.push(`route r${i} "Route ${i}": ${group.join(', ')}`);
      const cap = r.between(0, 4);
      if (cap === 1) this.out.push(`  maximum afronden(${this.percent()} × verplichting, op € 0,01)`);
      else if (cap === 2) this.out.push(`  maximum ${this.euros(50_000)}`);
      else if (cap === 3) this.out.push(`  maximum als in_bereik dan ${this.euros(100_000)} anders € 0`);
    });
    this.out.push('');
  }

  private outcomes(): void {
    const r = this.r;
    const obligation = r.pick([
      'als in_bereik dan afronden(contract.waarde × sr_percentage, op € 0,01) anders € 0',
      'afronden(contract.waarde × sr_percentage, op € 0,01)',
      'afronden(standaard(contract.arbeidsaandeel, 100%) × contract.waarde × sr_percentage, op € 1 naar beneden)',
    ]);
    const fine = r.pick([
      'restant',
      'afronden(restant × boete_percentage, op € 0,01)',
      'als contract.inspanningAangetoond dan € 0 met melding "Inspanning aangetoond: geen boete" anders restant',
      `min(restant, ${this.euros(100_000)})`,
    ]);
    this.out.push(
      `uitkomst verplichting: bedrag = ${obligation}`,
      'uitkomst gerealiseerd: bedrag = som(route.gerealiseerd voor elke route)',
      'uitkomst restant: bedrag = max(€ 0, verplichting - gerealiseerd)',
      'uitkomst overschot: bedrag = max(€ 0, gerealiseerd - verplichting)',
      'uitkomst percentage: percentage optioneel =',
      `  als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op ${r.pick(['0,01%', '1%'])})`,
      `uitkomst boete: bedrag = ${fine}`,
    );
    if (r.chance(0.5))
      this.out.push('uitkomst weggevallen: bedrag = som(route.totaal - route.gerealiseerd voor elke route)');
    if (r.chance(0.5))
      this.out.push(
        `uitkomst geteld_${r.pick(kinds)}: bedrag =`,
        `  som(activiteit.waardering voor elke activiteit waarbij activiteit.soort = "${r.pick(kinds)}")`,
      );
    if (r.chance(0.3)) this.out.push('uitkomst na_drempel: janee = in_bereik');
  }
}

/** Generates the ruleset of one seed (deterministic: the same seed, the same text). */
export function generateRuleset(seed: number): GeneratedRuleset {
  const g = new Generator(new Chooser(seed));
  const text = g.generate();
  return { text, enumerations: g.enumerations };
}

/** Rulesets that compile without errors (the properties check that they do). */
export const generatedRulesetArbitrary: fc.Arbitrary<GeneratedRuleset> = fc.integer().map(generateRuleset);
