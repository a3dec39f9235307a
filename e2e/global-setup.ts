import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./server.js";

/** The flows drive the built web app: build it once when a fresh checkout has none. */
export default function setup(): void {
  if (fs.existsSync(path.join(ROOT, "dist/web/index.html"))) return;
  console.log("e2e: building the web app (dist/web)…");
  // Vitest sets NODE_ENV=test, which would give React's development build: test what ships.
  execFileSync(path.join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" },
  });
}
