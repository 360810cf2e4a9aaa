// `sroi diff A B`: the semantic difference between two rulesets — changed parameters, table rows,
// formulas, caps, scope rules, periods and header, each with its place in both files — and the
// contracts on which their outcomes differ. Exit 0 with or without differences.
import { diffHtml, diffRulesets, diffText } from '@sroi/analysis';
import { EXIT, UsageError } from '../errors.js';
import { loadForReview } from '../load-review.js';
import type { CommonOptions, Io } from '../options.js';

export interface DiffOptions extends CommonOptions {
  readonly json: boolean;
  readonly html: boolean;
}

export async function diffCommand(args: readonly string[], options: DiffOptions, io: Io): Promise<number> {
  if (args.length !== 2) throw new UsageError('diffArguments');
  if (options.json && options.html) throw new UsageError('diffFormats');
  const loaded = loadForReview('diff', args, options, io);
  if (typeof loaded === 'number') return loaded;
  const [a, b] = loaded as [NonNullable<(typeof loaded)[0]>, NonNullable<(typeof loaded)[1]>];
  const diff = diffRulesets(a, b, { lang: options.lang });
  if (options.json) io.out(JSON.stringify(diff, null, 2) + '\n');
  else if (options.html) io.out(diffHtml(diff, options.lang));
  else io.out(diffText(diff, options.lang));
  return EXIT.ok;
}
