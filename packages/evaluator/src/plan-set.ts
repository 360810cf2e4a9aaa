// A set of plans for one region over time: the contract's reference date picks the member
// whose period holds it, and the result says which ruleset and period were used.
import { diagnostic, formatIsoDate, parseIsoDate, type Diagnostic, type Result } from '@sroi/core';
import type { EvaluateOptions } from './interpret.js';
import type { Plan } from './plan.js';
import type { EvaluationResult } from './result.js';

export interface SetMember {
  readonly plan: Plan;
  /** How the manifest names it, for messages. */
  readonly label: string;
}

interface Span {
  readonly member: SetMember;
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

const periodsOf = (m: SetMember): Span[] =>
  m.plan.ir.periods.map((p) => ({
    member: m,
    name: p.name,
    from: parseIsoDate(p.from)!,
    to: parseIsoDate(p.to)!,
  }));

/** The overlaps (errors) and gaps (warnings) between the periods of different members. */
export function checkSetPeriods(members: readonly SetMember[]): Diagnostic[] {
  const spans = members.flatMap(periodsOf).sort((a, b) => a.from - b.from);
  const out: Diagnostic[] = [];
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (a.member === b.member) continue;
    const args = { first: `'${a.member.label}'`, second: `'${b.member.label}'` };
    if (b.from <= a.to)
      out.push(
        diagnostic(
          'SR6201',
          { ...args, from: formatIsoDate(b.from), to: formatIsoDate(Math.min(a.to, b.to)) },
          { path: `regelingen[${members.indexOf(b.member)}]` },
        ),
      );
    else if (b.from > a.to + 1)
      out.push(
        diagnostic(
          'SR6202',
          { ...args, from: formatIsoDate(a.to + 1), to: formatIsoDate(b.from - 1) },
          { path: `regelingen[${members.indexOf(b.member)}]` },
        ),
      );
  }
  const fields = [...new Set(members.map((m) => m.plan.ir.referenceDate))];
  if (fields.length > 1)
    out.push(diagnostic('SR6204', { fields: fields.join(', ') }, { path: 'regelingen' }));
  return out;
}

export class PlanSet {
  constructor(
    readonly name: string,
    readonly members: readonly SetMember[],
  ) {}

  /** The reference date field all members read. */
  get referenceDate(): string {
    return this.members[0]?.plan.ir.referenceDate ?? 'gunningsdatum';
  }

  /** Every period of every member, in date order: "2019-2023 (2019-10-01 t/m 2023-06-30)". */
  describePeriods(): string {
    return this.members
      .flatMap(periodsOf)
      .sort((a, b) => a.from - b.from)
      .map((s) => `${s.name} (${formatIsoDate(s.from)} t/m ${formatIsoDate(s.to)}, ${s.member.label})`)
      .join('; ');
  }

  /** The member whose period holds `day`. */
  memberOn(day: number): SetMember | undefined {
    return this.members.find((m) => periodsOf(m).some((p) => p.from <= day && day <= p.to));
  }

  evaluate(
    contract: unknown,
    options: EvaluateOptions = {},
  ): Result<(EvaluationResult & { regelingenset: string }) | undefined> {
    const field = this.referenceDate;
    const raw =
      typeof contract === 'object' && contract !== null && Object.hasOwn(contract, field)
        ? (contract as Record<string, unknown>)[field]
        : undefined;
    const day = typeof raw === 'string' ? parseIsoDate(raw) : undefined;
    // Without a usable date, let the first member report the contract's problems with their paths.
    const member = day === undefined ? this.members[0] : this.memberOn(day);
    if (!member) {
      return {
        value: undefined,
        diagnostics: [
          diagnostic(
            'SR5020',
            { field, date: String(raw), set: `'${this.name}'`, periods: this.describePeriods() },
            { path: field },
          ),
        ],
      };
    }
    const result = member.plan.evaluate(contract, options);
    if (!result.value) return { value: undefined, diagnostics: result.diagnostics };
    const r = result.value;
    const chosen = {
      soort: 'regel' as const,
      tekst:
        options.lang === 'en'
          ? `${this.name}: ${field} ${String(raw)} falls in period ${r.periode}, so ${r.regeling} applies`
          : `${this.name}: ${field} ${String(raw)} valt in periode ${r.periode}, dus geldt ${r.regeling}`,
    };
    return {
      value: { regelingenset: this.name, ...r, meldingen: [chosen, ...r.meldingen] },
      diagnostics: [],
    };
  }
}
