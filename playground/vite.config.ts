// The playground's build: a static site with relative asset paths (any static host, any folder),
// the TypeScript sources of our packages (the "source" export condition), the worker as a module,
// and a Content-Security-Policy in the built page.
import { defineConfig, type Plugin } from 'vite';

/**
 * Scripts only from the site itself; workers from the site or blob: (Monaco's); Monaco sets inline
 * styles. Only in the build: the dev server's live reload needs a WebSocket and inline modules.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const csp = (): Plugin => ({
  name: 'sroi-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  base: './',
  plugins: [csp()],
  resolve: { conditions: ['source'] },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
