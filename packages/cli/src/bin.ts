// The executable: runs main with the process's arguments and streams.
import { writeSync } from 'node:fs';
import { languageOf } from './arguments.js';
import { EXIT, writeReasons } from './errors.js';
import { main } from './main.js';
import { renderUsage } from './usage-messages.js';

// The bundle is minified: with SROI_DEBUG a stack trace points into the sources instead.
if (process.env['SROI_DEBUG']) process.setSourceMapsEnabled(true);

const argv = process.argv.slice(2);
// Decided as main decides it, before main runs: a write error may come before main has parsed.
const lang = languageOf(argv);

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
        const reason = writeReasons[e.code ?? '']?.[lang] ?? e.message;
        const code = e.code ? ` (${e.code})` : '';
        writeSync(2, `sroi: ${renderUsage('outputWrite', { name, reason, code }, lang)}\n`);
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
    const message = process.env['SROI_DEBUG'] ? String((e as Error).stack) : (e as Error).message;
    process.stderr.write(`sroi: ${renderUsage('internal', { message }, lang)}\n`);
    process.exitCode = 2;
  },
);
