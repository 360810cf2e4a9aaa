// The rulesets a server offers: each loaded ruleset or set under a stable name (a slug of its own
// name), with what a client needs to cite it: version, periods and a sha256 of its IR.
import type { Plan, PlanSet } from '@sroi/evaluator';
import { UsageError } from '../errors.js';

/** One ruleset of a served set (or the ruleset itself), as `GET /v1/rulesets` describes it. */
export interface ServedMember {
  readonly name: string;
  readonly title: string;
  readonly version?: string;
  readonly periods: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  /** sha256 (hex) of the IR's canonical JSON (RFC 8785): the hash every result's `berekend` names. */
  readonly irSha256: string;
  readonly plan: Plan;
}

export interface ServedRuleset {
  /** The name in the URL: `slug(title)`. */
  readonly name: string;
  /** The ruleset's own name (`regeling "..."`), or the set's `naam`. */
  readonly title: string;
  readonly kind: 'regeling' | 'set';
  /** The file it was loaded from, as given on the command line. */
  readonly file: string;
  readonly evaluator: Plan | PlanSet;
  /** The ruleset itself, or the members of a set in manifest order. */
  readonly members: readonly ServedMember[];
}

/**
 * The URL name of a ruleset: its name in lower case, accents removed, every run of other
 * characters than a-z and 0-9 one hyphen, no hyphen at either end. "Social Return Rijnmond
 * 2023-2027" → `social-return-rijnmond-2023-2027`. It changes only when the ruleset's name does.
 */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function servedMember(plan: Plan): ServedMember {
  const ir = plan.ir;
  return {
    name: slug(ir.ruleset.name),
    title: ir.ruleset.name,
    ...(ir.ruleset.version !== undefined ? { version: ir.ruleset.version } : {}),
    periods: ir.periods.map((p) => ({ name: p.name, from: p.from, to: p.to })),
    irSha256: plan.irSha256,
    plan,
  };
}

export function servedPlan(file: string, plan: Plan): ServedRuleset {
  const member = servedMember(plan);
  return {
    name: member.name,
    title: member.title,
    kind: 'regeling',
    file,
    evaluator: plan,
    members: [member],
  };
}

export function servedSet(file: string, set: PlanSet): ServedRuleset {
  return {
    name: slug(set.name),
    title: set.name,
    kind: 'set',
    file,
    evaluator: set,
    members: set.members.map((m) => servedMember(m.plan)),
  };
}

/** The names that two files share (or that are empty), as usage errors; none when all are usable. */
export function nameClashes(rulesets: readonly ServedRuleset[]): UsageError[] {
  const seen = new Map<string, ServedRuleset>();
  const out: UsageError[] = [];
  for (const r of rulesets) {
    if (r.name === '') {
      out.push(new UsageError('serveNoName', { file: r.file, title: r.title }));
      continue;
    }
    const first = seen.get(r.name);
    if (first) out.push(new UsageError('serveSameName', { file: r.file, other: first.file, name: r.name }));
    else seen.set(r.name, r);
  }
  return out;
}
