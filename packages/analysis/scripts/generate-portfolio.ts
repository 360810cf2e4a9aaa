// Writes rulesets/examples/portfolio.jsonl: the sample portfolio of the harmonisation matrix, 50
// contracts generated from a fixed seed (so the file is reproducible). `--check` verifies it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatePortfolio } from '@sroi/analysis';

export const SEED = 2025;
export const COUNT = 50;

const target = fileURLToPath(new URL('../../../rulesets/examples/portfolio.jsonl', import.meta.url));
const text =
  generatePortfolio({ seed: SEED, count: COUNT })
    .map((c) => JSON.stringify(c))
    .join('\n') + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file is not current
  }
  if (current !== text) {
    console.error(
      `${target} is not current: run node scripts/sroi-dev.mjs packages/analysis/scripts/generate-portfolio.ts`,
    );
    process.exit(1);
  }
  console.log(`${target} is current`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${COUNT} contracts, seed ${SEED})`);
}
