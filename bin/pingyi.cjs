#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write("pingyi: the CLI is not built yet; run 'npm run build' in the project folder.\n");
  process.exit(1);
}
require(cli);
