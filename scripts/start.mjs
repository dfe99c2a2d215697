#!/usr/bin/env node
// `npm start` and the `promscope` command (package.json "bin"): the server alone, on Node,
// against PROMETHEUS_URL; `promscope migrate-storage …` (also `npm run migrate-storage -- …`)
// copies a DATA_DIR into PostgreSQL and back instead. Builds first if needed: Node 20 cannot
// run the TypeScript sources, so both run from dist/server.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';
import { checkNode } from './install-deps.mjs';

const COMMANDS = { 'migrate-storage': 'dist/server/migrate-storage.node.js' };

const root = dirname(dirname(fileURLToPath(import.meta.url)));
checkNode();
const command = COMMANDS[process.argv[2]];
const entry = command ?? 'dist/server/main.node.js';
// --help needs no fresh build, only a built entry.
if (!process.argv.includes('--help') || !existsSync(join(root, entry))) ensureBuild(root);
// The entry reads its own arguments from argv[2] on: the subcommand's name is not one.
process.argv.splice(1, command ? 2 : 1, join(root, entry));
await import(pathToFileURL(process.argv[1]).href);
