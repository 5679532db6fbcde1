import { defineConfig } from 'vite';

// The built pages land where Spring serves classpath resources from: the gateway depends on this module's jar.
export default defineConfig({
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
  },
});
