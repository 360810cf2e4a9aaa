// Vite builds the page into dist/; the evaluator comes from the installed @sroi/evaluator.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
