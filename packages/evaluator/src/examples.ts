// Running a ruleset's worked examples (`voorbeeld`): each expected outcome, valuation and message
// is compared with the evaluation; every difference is reported at the expectation's place.
import {
  diagnostic,
  formatMoney,
  formatNumber,
  Rational,
  type Diagnostic,
  type IrSpan,
  type IrType,
} from '@sroi/core';
import type { CoverageRecorder } from './interpret.js';
import type { Plan } from './plan.js';
import type { EvaluationResult } from './result.js';

export interface ExampleOutcome {
  readonly title: string;
  readonly passed: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly result?: EvaluationResult;
}

const text = (r: EvaluationResult, name: string): string => {
  switch (name) {
    case 'verplichting':
    case 'gerealiseerd':
    case 'restant':
    case 'overschot':
    case 'boete':
      return r[name];
    case 'percentage':
      return r.percentage ?? 'onbekend';
    default:
      return r.overige?.[name] ?? 'onbekend';
  }
};

/**
 * A result text as the voorbeeld writes it, in the ruleset's own (Dutch) notation whatever the
 * message language: `€ 60.333,33` and `161,63%`, so that a failing example reads like the line
 * it points at.
 */
function asWritten(text: string, type: IrType | undefined): string {
  const r = type && (type.t === 'bedrag' || type.t === 'percentage') ? Rational.parse(text) : undefined;
  if (!r) return text;
  return type!.t === 'bedrag' ? formatMoney(r.mul(Rational.of(100))) : `${formatNumber(r, 'nl', 0, 4)}%`;
}

export function runExamples(plan: Plan, options: { coverage?: CoverageRecorder } = {}): ExampleOutcome[] {
  return plan.ir.examples.map((_, index) => runExample(plan, index, options));
}

/**
 * Runs the ruleset's example number `index`. One at a time, an editor can stop between two
 * examples when the next keystroke arrives.
 */
export function runExample(
  plan: Plan,
  index: number,
  options: { coverage?: CoverageRecorder } = {},
): ExampleOutcome {
  const files = plan.ir.files;
  const span = (at: IrSpan) => ({ span: { file: files[at.file] ?? '?', start: at.start, end: at.end } });
  const example = plan.ir.examples[index]!;
  // With coverage, the reference evaluator runs: it records what each example reaches.
  const evaluated = plan.evaluate(
    example.contract,
    options.coverage ? { engine: 'reference', coverage: options.coverage } : {},
  );
  const title = `'${example.title}'`;
  if (!evaluated.value) {
    const reason = evaluated.diagnostics.map((d) => `${d.path ? d.path + ': ' : ''}${d.code}`).join('; ');
    return {
      title: example.title,
      passed: false,
      diagnostics: [
        diagnostic('SR6103', { example: title, reason }, span(example.at)),
        ...evaluated.diagnostics,
      ],
    };
  }
  const r = evaluated.value;
  const failures: Diagnostic[] = [];
  for (const o of example.expect.outcomes) {
    const actual = text(r, o.name);
    if (actual !== o.value) {
      const type = plan.ir.outcomes.find((x) => x.name === o.name)?.type;
      failures.push(
        diagnostic(
          'SR6101',
          {
            example: title,
            outcome: o.name,
            actual: asWritten(actual, type),
            expected: asWritten(o.value, type),
          },
          span(o.at),
        ),
      );
    }
  }
  for (const v of example.expect.valuations) {
    const actual = r.waarderingen[v.index]?.bedrag ?? '?';
    if (actual !== v.value) {
      const money: IrType = { t: 'bedrag' };
      failures.push(
        diagnostic(
          'SR6101',
          {
            example: title,
            outcome: `waardering ${v.index + 1}`,
            actual: asWritten(actual, money),
            expected: asWritten(v.value, money),
          },
          span(v.at),
        ),
      );
    }
  }
  for (const m of example.expect.messages) {
    if (!r.meldingen.some((x) => x.tekst.toLowerCase().includes(m.text.toLowerCase())))
      failures.push(
        diagnostic(
          'SR6102',
          {
            example: title,
            expected: `"${m.text}"`,
            actual: r.meldingen.map((x) => `"${x.tekst}"`).join('; ') || '(geen)',
          },
          span(m.at),
        ),
      );
  }
  return { title: example.title, passed: failures.length === 0, diagnostics: failures, result: r };
}
