#!/usr/bin/env node
// `npm start`: the server alone, on Node, against PROMETHEUS_URL. Builds first if needed.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';
import { checkNode } from './install-deps.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
checkNode();
if (!process.argv.includes('--help')) ensureBuild(root);
process.argv.splice(1, 1, join(root, 'dist/server/main.node.js'));
await import(pathToFileURL(process.argv[1]).href);
