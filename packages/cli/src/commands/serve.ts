// `sroi serve [--port N] [--host H] RULESET|SET ...`: the HTTP API over the given rulesets until
// SIGTERM or SIGINT, which finish the requests in flight before the process exits.
import { pino } from 'pino';
import { EXIT, UsageError } from '../errors.js';
import { evaluatorOf, loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { wholeNumberOption, type CommonOptions, type Io } from '../options.js';
import { buildApp } from '../serve/app.js';
import { defaultLimits, type ServeLimits } from '../serve/limits.js';
import { nameClashes, servedPlan, servedSet, type ServedRuleset } from '../serve/rulesets.js';

export interface ServeOptions extends CommonOptions {
  readonly port?: string;
  readonly host?: string;
  readonly quiet: boolean;
  readonly maxBody?: string;
  readonly maxBatchBody?: string;
  readonly maxLines?: string;
  readonly maxActivities?: string;
  readonly timeout?: string;
  readonly version: string;
}

const count = (value: string | undefined, flag: string, fallback: number, min: number, max: number) =>
  wholeNumberOption(value, flag, { min, max }, fallback);

export async function serveCommand(args: readonly string[], options: ServeOptions, io: Io): Promise<number> {
  if (args.length === 0) throw new UsageError('serveArguments');
  const port = count(options.port, '--port', 8080, 0, 65535);
  const host = options.host ?? '127.0.0.1';
  const limits: ServeLimits = {
    bodyBytes: count(options.maxBody, '--max-body', defaultLimits.bodyBytes, 1024, 2 ** 30),
    batchBytes: count(options.maxBatchBody, '--max-batch-body', defaultLimits.batchBytes, 1024, 2 ** 40),
    batchLines: count(options.maxLines, '--max-lines', defaultLimits.batchLines, 1, 10 ** 9),
    activities: count(options.maxActivities, '--max-activities', defaultLimits.activities, 1, 100_000),
    requestMs: count(options.timeout, '--timeout', defaultLimits.requestMs, 100, 3_600_000),
  };

  const served: ServedRuleset[] = [];
  let failure: number = EXIT.ok;
  for (const path of args) {
    const loaded = await loadRuleset(path);
    if (loaded.diagnostics.length > 0)
      io.err(renderDiagnostics(options.format, loaded.diagnostics, loaded.lookup, options.lang) + '\n');
    const evaluator = evaluatorOf(loaded);
    if (!evaluator) failure = Math.max(failure, loaded.failure === 'input' ? EXIT.input : EXIT.failures);
    else served.push(loaded.set ? servedSet(path, loaded.set) : servedPlan(path, loaded.plan!));
  }
  if (failure !== EXIT.ok) return failure;
  const clashes = nameClashes(served);
  if (clashes.length > 0)
    throw new UsageError('composed', {
      text: {
        nl: clashes.map((c) => c.text('nl')).join('\n'),
        en: clashes.map((c) => c.text('en')).join('\n'),
      },
    });

  // Access log: JSON lines on stderr, written asynchronously (pino's sonic-boom) in blocks of at
  // least 4 KB, and at least every second: one write per request was a twentieth of the server's
  // CPU under load (profiled with --cpu-prof). Stopping flushes what is left.
  const log = options.quiet
    ? undefined
    : pino.destination({ fd: 2, sync: false, minLength: 4096, periodicFlush: 1000 });
  const app = await buildApp(served, {
    limits,
    version: options.version,
    processMetrics: true,
    ...(log ? { log } : {}),
  });
  let address: string;
  try {
    address = await app.listen({ port, host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'EADDRINUSE'
      ? new UsageError('servePortInUse', { port, host })
      : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
        ? new UsageError('serveAddress', { host })
        : new UsageError('prefixed', { prefix: 'serve', text: (e as Error).message });
  }
  io.err(
    options.lang === 'nl'
      ? `sroi serve: luistert op ${address} (${served.map((s) => s.name).join(', ')})\n`
      : `sroi serve: listening on ${address} (${served.map((s) => s.name).join(', ')})\n`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal: do not wait any longer.
        app.server.closeAllConnections();
        return;
      }
      stopping = true;
      io.err(
        options.lang === 'nl'
          ? `sroi serve: ${signal}: maakt de lopende aanvragen af en stopt\n`
          : `sroi serve: ${signal}: finishing the requests in flight, then stopping\n`,
      );
      // Requests in flight end within the request time limit; after that, connections are cut.
      const deadline = setTimeout(() => app.server.closeAllConnections(), limits.requestMs + 1000);
      deadline.unref();
      app.close().then(
        () => {
          clearTimeout(deadline);
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          try {
            log?.flushSync();
          } catch {
            // Nothing written yet, or stderr already closed: nothing to flush.
          }
          io.err(options.lang === 'nl' ? 'sroi serve: gestopt\n' : 'sroi serve: stopped\n');
          resolve(EXIT.ok);
        },
        (e: unknown) => {
          io.err(`sroi serve: ${(e as Error).message}\n`);
          resolve(EXIT.failures);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
