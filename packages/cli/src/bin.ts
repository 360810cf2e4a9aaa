// The executable: runs main with the process's arguments and streams.
import { writeSync } from 'node:fs';
import { EXIT, writeReasons } from './errors.js';
import { main } from './main.js';

// The bundle is minified: with SROI_DEBUG a stack trace points into the sources instead.
if (process.env['SROI_DEBUG']) process.setSourceMapsEnabled(true);

const argv = process.argv.slice(2);
const english =
  argv.includes('--lang=en') ||
  argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en') ||
  (!argv.some((a) => a.startsWith('--lang')) && process.env['SROI_LANG'] === 'en');

// Any write error (`> /dev/full`, `| head`) ends the run with one line and exit code 3, never a
// stack trace. The line goes to stderr directly: the stream that failed may be stderr itself.
let failed = false;
for (const [stream, name] of [
  [process.stdout, 'stdout'],
  [process.stderr, 'stderr'],
] as const)
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (failed) return;
    failed = true;
    if (name === 'stdout')
      try {
        const reason = writeReasons[e.code ?? '']?.[english ? 1 : 0] ?? e.message;
        const cannot = english ? 'cannot write to' : 'kan niet schrijven naar';
        writeSync(2, `sroi: ${cannot} ${name}: ${reason}${e.code ? ` (${e.code})` : ''}\n`);
      } catch {
        // stderr is gone too: the exit code says it.
      }
    process.exit(EXIT.output);
  });

main(argv, {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  outBytes: (b) => process.stdout.write(b),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `sroi: interne fout: ${process.env['SROI_DEBUG'] ? String((e as Error).stack) : (e as Error).message}\n`,
    );
    process.exitCode = 2;
  },
);
