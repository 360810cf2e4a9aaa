// Types of what TypeScript code imports from build.mjs (the playground's Vite config).
import type { BuildOptions } from 'esbuild';

/** The repository root, with a trailing slash. */
export const root: string;
/** How the workspace's TypeScript becomes one program for node. */
export const nodeBundle: BuildOptions;
