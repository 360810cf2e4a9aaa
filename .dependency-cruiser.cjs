// The package boundaries of DESIGN.md as rules: dependencies point one way, no cycles, and the
// evaluator stays embeddable (no compiler, no grammar, no Chevrotain).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-imports-nothing-of-ours',
      comment: 'core knows nothing of the other packages',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^(grammar|packages/(compiler|evaluator|cli|analysis|language-service))/' },
    },
    {
      name: 'grammar-knows-only-chevrotain',
      severity: 'error',
      from: { path: '^grammar/' },
      to: { path: '^packages/' },
    },
    {
      name: 'evaluator-is-embeddable',
      comment: 'the evaluator never imports the compiler, the grammar or chevrotain',
      severity: 'error',
      from: { path: '^packages/evaluator/' },
      to: { path: '(^grammar/|^packages/(compiler|cli|analysis|language-service)/|node_modules/chevrotain)' },
    },
    {
      name: 'generated-code-apart-from-reference',
      comment: 'the generated code never imports the reference engine: shared helpers live in values.ts',
      severity: 'error',
      from: { path: '^packages/evaluator/src/compiled/' },
      to: { path: '^packages/evaluator/src/interpret\\.ts$' },
    },
    {
      name: 'compiler-below-tools',
      severity: 'error',
      from: { path: '^packages/compiler/' },
      to: { path: '^packages/(evaluator|cli|analysis|language-service)/' },
    },
    {
      name: 'analysis-on-compiler-evaluator-core',
      comment:
        'analysis builds on the compiler, the evaluator and core only (no grammar, CLI or editor tooling)',
      severity: 'error',
      from: { path: '^packages/analysis/' },
      to: { path: '(^grammar/|^packages/(cli|language-service)/)' },
    },
    {
      name: 'only-cli-uses-analysis',
      comment: 'nothing depends on analysis except the CLI',
      severity: 'error',
      from: { pathNot: '^packages/(cli|analysis)/' },
      to: { path: '^packages/analysis/' },
    },
    {
      name: 'language-service-on-grammar-compiler-core',
      comment:
        'editor support builds on the grammar, the compiler and core only (no evaluator, analysis or CLI)',
      severity: 'error',
      from: { path: '^packages/language-service/' },
      to: { path: '^packages/(evaluator|cli|analysis)/' },
    },
    {
      name: 'only-editors-use-language-service',
      comment: 'nothing of ours depends on the language service except the playground and the CLI',
      severity: 'error',
      from: { pathNot: '^(packages/(cli|language-service)|playground)/' },
      to: { path: '^packages/language-service/' },
    },
    {
      name: 'no-reaching-into-sources',
      comment: 'packages import each other through their public entry (src/index.ts) only',
      severity: 'error',
      from: { path: '^(grammar|packages/[^/]+)/src/' },
      to: {
        path: '^(grammar|packages/[^/]+)/src/',
        pathNot: ['^$1/src/', '/src/index\\.ts$', '^packages/analysis/src/node/index\\.ts$'],
      },
    },
    {
      name: 'analysis-core-is-browser-safe',
      comment:
        'what-if for the playground: node:* only in packages/analysis/src/node/ (file readers, worker threads)',
      severity: 'error',
      from: { path: '^packages/analysis/src/', pathNot: '^packages/analysis/src/node/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { conditionNames: ['source', 'import', 'default'], exportsFields: ['exports'] },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
