// Vite builds the page into dist/; the evaluator comes from the installed @sroi/evaluator.
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the page works from any folder it is served from.
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  worker: { format: 'es' },
});
