import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

/** The web app lives in src/web; the server serves the build from dist/web. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The web app's own sources live under /api/ too (src/web/api/client.ts): those stay with Vite.
    proxy: { "^/api/(?![^?]*\\.tsx?(\\?|$))": { target: "http://127.0.0.1:8080", changeOrigin: false } },
  },
});
