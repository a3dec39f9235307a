#!/usr/bin/env node
// The `vigie` command: the compiled CLI lives in dist/ (npm run build:server).
import "../dist/cli/vigie.js";
