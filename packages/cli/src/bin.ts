// The executable: runs main with the process's arguments and streams.
import { main } from './main.js';

// The bundle is minified: with SROI_DEBUG a stack trace points into the sources instead.
if (process.env['SROI_DEBUG']) process.setSourceMapsEnabled(true);

// A closed pipe (`sroi ... | head`) ends output quietly instead of throwing EPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

main(process.argv.slice(2), {
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
