// A contract and its evaluation as a `voorbeeld` block, ready to paste into the ruleset: how a
// counterexample found by `sroi test` becomes a worked example once the rule is fixed.
import { activityKinds, contractFields, type FieldSpec } from '@sroi/core';
import type { EvaluationResult } from '@sroi/evaluator';

const dutchNumber = (n: number): string => String(n).replace('.', ',');

const dutchMoney = (text: string): string => {
  const [int, frac = '00'] = text.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${grouped}${frac === '00' ? '' : `,${frac.padEnd(2, '0')}`}`;
};

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function value(raw: unknown, spec: FieldSpec): string {
  switch (spec.type.kind) {
    case 'money':
      return dutchMoney(typeof raw === 'number' ? raw.toFixed(2) : String(raw).trim());
    case 'percentage':
      return `${dutchNumber(raw as number)}%`;
    case 'number':
    case 'duration':
      return dutchNumber(raw as number);
    case 'boolean':
      return raw ? 'ja' : 'nee';
    case 'text':
      return quote(String(raw));
    default:
      return String(raw);
  }
}

function pairs(record: Record<string, unknown>, fields: Readonly<Record<string, FieldSpec>>): string {
  return Object.entries(record)
    .filter(
      ([k, v]) =>
        k !== 'soort' && k !== 'activiteiten' && k !== 'id' && v !== undefined && Object.hasOwn(fields, k),
    )
    .map(([k, v]) => `${k} ${value(v, fields[k]!)}`)
    .join(' ');
}

/** The `voorbeeld` block of a contract, expecting what it evaluates to now. */
export function voorbeeldText(title: string, contract: Record<string, unknown>, r: EvaluationResult): string {
  const lines = [`voorbeeld ${quote(title)}`, `  contract ${pairs(contract, contractFields)}`];
  for (const a of (contract['activiteiten'] as Record<string, unknown>[] | undefined) ?? []) {
    const kind = String(a['soort']);
    lines.push(`  activiteit ${kind} ${pairs(a, activityKinds[kind] ?? {})}`.trimEnd());
  }
  lines.push('  verwacht', `    verplichting ${dutchMoney(r.verplichting)}`);
  r.waarderingen.forEach((w, i) => lines.push(`    waardering ${i + 1} ${dutchMoney(w.bedrag)}`));
  lines.push(`    gerealiseerd ${dutchMoney(r.gerealiseerd)}`, `    restant ${dutchMoney(r.restant)}`);
  lines.push(`    overschot ${dutchMoney(r.overschot)}`);
  lines.push(
    `    percentage ${r.percentage === undefined ? 'onbekend' : `${dutchNumber(Number(r.percentage))}%`}`,
  );
  lines.push(`    boete ${dutchMoney(r.boete)}`);
  return lines.join('\n');
}
