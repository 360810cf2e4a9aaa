import { main } from './src/main.js';
const code = await main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
process.exitCode = code;
