// Modules the site's build writes (vite.config.ts).

declare module 'virtual:sroi-precompiled' {
  import type { PrecompiledRuleset } from './worker/first-state.js';
  /** Each shipped ruleset that compiles, by path (`rulesets/<name>.sroi`), loaded on demand. */
  const precompiled: Readonly<Record<string, () => Promise<PrecompiledRuleset>>>;
  export default precompiled;
}
