// Issue 15, item 5 (files): devices, pipes and symbolic links to them are refused without being read;
// `breidt uit` reaches only .sroi rulesets under the allowed roots and never echoes another file;
// every write error is one line and exit code 3. Ten devices and pipes, and a path ten times as deep.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  expectLocated,
  expectWithinBudget,
  miniText,
  sroi,
  hostileFile,
  MINI,
  MINI_CONTRACT,
} from './support.js';

const tmp = hostileFile('files');

const mini = MINI;
const contract = MINI_CONTRACT;
const extending = (base: string) =>
  miniText.replace('regeling "Mini"', `regeling "Uitbreiding"\n  breidt uit "${base}"`);
const NOT_REGULAR = 'geen gewoon bestand (een apparaat, pipe of socket)';

describe('item 5: what is not a regular file is refused at once, whatever size it reports', () => {
  const fifo = join(tmp.dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  const fifoPath = tmp.path('pipe.json');
  const devices = ['/dev/zero', '/dev/urandom', '/dev/null', fifoPath];

  test.each(devices)('eval with %s as the contract: exit 2 in one line, not a hang', async (device) => {
    const run = await sroi(['eval', mini, device]);
    expectWithinBudget(run);
    expect(run).toMatchObject({ code: 2, out: '', err: `sroi: ${device}: ${NOT_REGULAR}\n` });
  });

  test.each(devices)('check %s as a ruleset: exit 2', async (device) => {
    const run = await sroi(['check', device]);
    expectWithinBudget(run);
    expect(run).toMatchObject({ code: 2, err: `sroi: ${device}: ${NOT_REGULAR}\n` });
  });

  test('breidt uit a .sroi link to /dev/zero, a .sroi pipe and /dev/zero itself: located SR2009, nothing read', async () => {
    mkdirSync(join(tmp.dir, 'regels'));
    symlinkSync('/dev/zero', join(tmp.dir, 'regels/nul.sroi'));
    execFileSync('mkfifo', [join(tmp.dir, 'regels/pijp.sroi')]);
    for (const base of ['nul.sroi', 'pijp.sroi', '/dev/zero']) {
      const file = tmp.write(`regels/via-${base.replace(/\W/g, '')}.sroi`, extending(base));
      const run = await sroi(['check', '--format', 'gnu', file]);
      const [line] = expectLocated(run, file, 'SR2009', 1);
      expect(line).toContain(`${file}:3:14: error SR2009: `);
    }
  });
});

describe('item 5: breidt uit reaches only .sroi rulesets under the allowed roots', () => {
  test('"../" ten times over to /etc/passwd: refused, and not one line of it shown', async () => {
    const deep = join(tmp.dir, 'a/b/c/d/e/f/g/h/i/j');
    mkdirSync(deep, { recursive: true });
    const file = tmp.write('a/b/c/d/e/f/g/h/i/j/r.sroi', extending(`${'../'.repeat(40)}etc/passwd`));
    const run = await sroi(['check', '--format', 'gnu', file]);
    expectLocated(run, file, 'SR2009', 1);
    expect(run.err).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  test('a .sroi file outside the roots is refused; --root allows its folder', async () => {
    tmp.write('a/basis.sroi', miniText);
    const file = tmp.write('a/b/c/d/e/f/g/h/i/j/r2.sroi', extending('../../../../../../../../../basis.sroi'));
    const refused = await sroi(['check', '--format', 'gnu', file]);
    expectLocated(refused, file, 'SR2009', 1);
    const allowed = await sroi(['check', '--format', 'gnu', '--root', join(tmp.dir, 'a'), file]);
    expectWithinBudget(allowed);
    expect(allowed.err).not.toContain('SR2009');
  });
});

describe('item 5: every write error is one line and exit code 3', () => {
  test.each([
    ['eval to stdout', ['eval', mini, contract]],
    ['eval --json to stdout', ['eval', '--json', mini, contract]],
    ['export --ir to stdout', ['export', '--ir', mini]],
    ['export --ir -o /dev/full', ['export', '--ir', mini, '-o', '/dev/full']],
    ['matrix --csv to stdout', ['matrix', '--csv', 'rulesets/rijnmond-2023-2027.sroi']],
  ])('%s on a full disk', async (_what, args) => {
    const run = await sroi(args, { stdout: '/dev/full' });
    expectWithinBudget(run);
    expect(run.code).toBe(3);
    expect(run.err.trimEnd().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/^sroi: .*(vol|ENOSPC)/);
  });
});
