// Every shipped ruleset: no errors or warnings, canonical layout, and all its examples hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource, formatSource } from '@sroi/compiler';
import { renderMessage } from '@sroi/core';
import { Plan, runExamples } from '@sroi/evaluator';
import { fileHost } from './support/host.js';

const dir = join(import.meta.dirname, '../rulesets');
const rulesets = readdirSync(dir).filter((f) => f.endsWith('.sroi'));

describe.each(rulesets)('ruleset %s', (name) => {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  const compiled = compileSource(path, text, fileHost);

  it('compiles without errors or warnings', () => {
    expect(compiled.diagnostics.map((d) => `${d.code} ${renderMessage(d.code, d.args, 'en')}`)).toEqual([]);
  });

  it('is in canonical layout (sroi fmt --check)', () => {
    expect(formatSource(path, text).value).toBe(text);
  });

  it('passes every one of its examples', () => {
    const plan = Plan.fromIr(compiled.ir).value!;
    const outcomes = runExamples(plan);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(
      outcomes
        .filter((o) => !o.passed)
        .map((o) => ({
          title: o.title,
          problems: o.diagnostics.map((d) => renderMessage(d.code, d.args, 'en')),
        })),
    ).toEqual([]);
  });
});
