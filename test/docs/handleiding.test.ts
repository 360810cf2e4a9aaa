// The sroi examples of docs/handleiding.md are real: each section's blocks, applied to the shipped
// ruleset the section names (replacing a declaration or adding to the end), give a ruleset whose
// voorbeelden and eigenschappen all pass under `sroi test`, as a policy officer would see it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guide = readFileSync(join(root, 'docs/handleiding.md'), 'utf8');

interface Section {
  readonly ruleset: string;
  readonly line: number;
  readonly steps: { readonly replace?: string; readonly code: string }[];
}

/** The sections between `<!-- toets: begin NAME -->` and `<!-- toets: einde -->`, and blocks outside any. */
function sections(text: string): { sections: Section[]; unchecked: number[] } {
  const lines = text.split('\n');
  const out: Section[] = [];
  const unchecked: number[] = [];
  let current: { ruleset: string; line: number; steps: Section['steps'][number][] } | undefined;
  let pending: { replace?: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const directive = /^<!-- toets: (.*) -->$/.exec(line)?.[1];
    if (directive !== undefined) {
      const begin = /^begin (\S+)$/.exec(directive);
      const replace = /^vervang "(.*)"$/.exec(directive);
      if (begin) current = { ruleset: begin[1]!, line: i + 1, steps: [] };
      else if (replace) pending = { replace: replace[1]! };
      else if (directive === 'voeg toe') pending = {};
      else if (directive === 'einde' && current) {
        out.push(current);
        current = undefined;
      } else throw new Error(`handleiding.md:${i + 1}: unknown directive ${directive}`);
      continue;
    }
    if (line === '```sroi') {
      const start = i + 1;
      while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
      const code = lines.slice(start, i + 1).join('\n');
      i++;
      if (current && pending) current.steps.push({ ...pending, code });
      else unchecked.push(start);
      pending = undefined;
    }
  }
  return { sections: out, unchecked };
}

/** Replaces the declaration that starts with `head` (up to the next line at the left margin). */
function replaceDeclaration(text: string, head: string, code: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(head));
  if (start < 0) throw new Error(`no declaration starting with ${head}`);
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]!))) end++;
  // Blank lines before the next declaration stay where they were.
  while (end > start + 1 && lines[end - 1] === '') end--;
  return [...lines.slice(0, start), code, ...lines.slice(end)].join('\n');
}

const found = sections(guide);
const work = mkdtempSync(join(tmpdir(), 'sroi-handleiding-'));

describe('docs/handleiding.md', () => {
  it('has no sroi example outside a checked section', () => {
    expect(found.unchecked).toEqual([]);
    expect(found.sections.length).toBeGreaterThanOrEqual(4);
  });

  for (const section of found.sections)
    it(`section at line ${section.line}: its changes to ${section.ruleset} pass sroi test`, () => {
      let text = readFileSync(join(root, 'rulesets', `${section.ruleset}.sroi`), 'utf8');
      for (const step of section.steps)
        text = step.replace
          ? replaceDeclaration(text, step.replace, step.code)
          : `${text.trimEnd()}\n\n${step.code}\n`;
      const file = join(work, `${section.ruleset}-${section.line}.sroi`);
      writeFileSync(file, text);
      const r = spawnSync(process.execPath, [join(root, 'scripts/sroi.mjs'), 'test', file], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    });
});
