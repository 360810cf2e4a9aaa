import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_INPUT_BYTES, readText } from '../src/host.js';
import { mini, scratch, sroi } from './support/run.js';

const tmp = scratch('host');
afterAll(tmp.remove);

describe('readText', () => {
  test('refuses a device, whatever size it reports (0 for /dev/zero), without reading it', () => {
    expect(readText('/dev/zero')).toEqual({
      reason: {
        nl: 'geen gewoon bestand (een apparaat, pipe of socket)',
        en: 'not a regular file (a device, pipe or socket)',
      },
    });
  });

  test('refuses a named pipe at once instead of waiting for a writer', () => {
    const fifo = join(tmp.dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(readText(fifo)).toEqual({
      reason: {
        nl: 'geen gewoon bestand (een apparaat, pipe of socket)',
        en: 'not a regular file (a device, pipe or socket)',
      },
    });
  });

  test('refuses a file over the limit and a directory', () => {
    const big = tmp.write('big.json', new Uint8Array(MAX_INPUT_BYTES + 1));
    expect(readText(big)).toEqual({
      reason: { nl: 'bestand is 16.0 MB; maximaal 16 MB', en: 'file is 16.0 MB; at most 16 MB' },
    });
    expect(readText(tmp.dir)).toEqual({
      reason: { nl: 'dit is een map, geen bestand', en: 'this is a folder, not a file' },
    });
  });
});

describe('breidt uit: only .sroi rulesets under the allowed roots', () => {
  const miniText = readFileSync(mini, 'utf8');
  const extending = (base: string) =>
    miniText.replace(/^regeling "Mini"/m, `regeling "Uitbreiding"\n  breidt uit "${base}"`);

  test('a file that is not .sroi is refused, and its contents are never shown', async () => {
    const dir = join(tmp.dir, 'etc');
    mkdirSync(dir, { recursive: true });
    tmp.write('etc/passwd', 'root:x:0:0:geheim:/root:/bin/bash\n');
    const path = tmp.write('etc/r.sroi', extending('passwd'));
    const { code, err } = await sroi('check', '--format', 'gnu', path);
    expect(code).toBe(1);
    expect(err).toContain('SR2009');
    expect(err).toContain('alleen .sroi-regelingen');
    expect(err).not.toContain('geheim');
  });

  test('a base outside the folder of the named ruleset is refused unless --root allows its folder', async () => {
    mkdirSync(join(tmp.dir, 'a/b'), { recursive: true });
    tmp.write('a/base.sroi', miniText);
    const path = tmp.write('a/b/r.sroi', extending('../base.sroi'));
    const refused = await sroi('check', '--format', 'gnu', path);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/SR2009: .*buiten de toegestane mappen/);
    const allowed = await sroi('check', '--format', 'gnu', '--root', join(tmp.dir, 'a'), path);
    expect(allowed.err).not.toContain('SR2009');
  });

  test('why a base cannot be read is said in the language of the run', async () => {
    const path = tmp.write('r3.sroi', extending('bestaat-niet.sroi'));
    const nl = await sroi('check', '--format', 'gnu', path);
    expect(nl.err).toMatch(/SR2009: .*kan niet worden gelezen: bestand bestaat niet/);
    const en = await sroi('check', '--format', 'gnu', '--lang', 'en', path);
    expect(en.err).toMatch(/SR2009: .*cannot be read: file does not exist/);
    const outside = await sroi(
      'check',
      '--format',
      'gnu',
      '--lang',
      'en',
      tmp.write('etc/r4.sroi', extending('../a/base.sroi')),
    );
    expect(outside.err).toMatch(/SR2009: .*outside the allowed folders .*; add a folder with --root DIR/);
  });

  test('a .sroi file that is not a ruleset is named at the breidt uit clause, its lines not shown', async () => {
    tmp.write('notes.sroi', 'geheim wachtwoord\nnog een regel\n');
    const path = tmp.write('r2.sroi', extending('notes.sroi'));
    const { code, err } = await sroi('check', path);
    expect(code).toBe(1);
    expect(err).toContain('SR2101');
    expect(err).not.toContain('geheim');
  });

  test('a long chain without a cycle is a chain too long (SR2100), not a cycle', async () => {
    mkdirSync(join(tmp.dir, 'chain'), { recursive: true });
    tmp.write('chain/r0.sroi', miniText);
    for (let i = 1; i <= 19; i++) tmp.write(`chain/r${i}.sroi`, extending(`r${i - 1}.sroi`));
    const { err } = await sroi('check', '--format', 'gnu', join(tmp.dir, 'chain/r19.sroi'));
    expect(err).toContain('SR2100');
    expect(err).not.toContain('SR2015');
  });
});

describe('write errors', () => {
  const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
  const toFullDisk = (...extra: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--conditions',
        'source',
        '--import',
        'tsx',
        bin,
        'eval',
        mini,
        fileURLToPath(new URL('fixtures/plaatsing.json', import.meta.url)),
        ...extra,
      ],
      { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' },
    );

  test('a full disk is said in English with --lang en', () => {
    const r = toFullDisk('--lang', 'en');
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('sroi: cannot write to stdout: the disk is full (ENOSPC)\n');
  }, 60_000);

  test('a full disk is one line on stderr and exit code 3, no stack trace', () => {
    const r = toFullDisk();
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('sroi: kan niet schrijven naar stdout: de schijf is vol (ENOSPC)\n');
  }, 60_000);
});

describe('readText on bytes that are not UTF-8', () => {
  test('points at the bad byte, not at a legitimate U+FFFD before it', () => {
    const path = tmp.write(
      'fffd.json',
      Buffer.concat([Buffer.from('{"a": "\ufffd", "b": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    );
    const r = readText(path);
    expect(r).toMatchObject({ invalidAt: '{"a": "\ufffd", "b": "'.length });
  });
});
