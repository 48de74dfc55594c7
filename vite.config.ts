import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdStylesheet } from './scripts/antd-stylesheet.ts';
import { theme } from './renderer/theme.ts';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), antdStylesheet(theme)],
  define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
