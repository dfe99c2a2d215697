#!/usr/bin/env node
// `npm run demo`: works on a fresh clone before `npm install`. Uses only Node built-ins until
// the dependencies, Prometheus and the build are in place, then hands over to the demo.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';
import { checkNode, ensureNodeModules } from './install-deps.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The same search order as dev/prometheus.ts: PROMETHEUS_BIN, PATH, /usr/bin. */
function findPrometheus() {
  const candidates = [
    process.env.PROMETHEUS_BIN,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => d && join(d, 'prometheus')),
    '/usr/bin/prometheus',
  ];
  return candidates.find((c) => c && executable(c)) ?? null;
}

function ensurePrometheus() {
  if (findPrometheus()) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = executable('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Prometheus is not installed: installing Debian\'s "prometheus" package…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-q'],
      ['install', '-y', '-q', '--no-install-recommends', 'prometheus'],
    ]) {
      const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (res.status !== 0) {
        console.error(`promscope: apt-get ${args.join(' ')} failed (see above).`);
        process.exit(1);
      }
    }
    if (findPrometheus()) return;
  }
  console.error(`promscope: the demo needs the Prometheus server binary, which is not installed.

  Install it, then run \`npm run demo\` again:
    sudo apt-get install prometheus          # Debian, Ubuntu
  or point to a binary you have:
    PROMETHEUS_BIN=/path/to/prometheus npm run demo
`);
  process.exit(1);
}

checkNode();
ensureNodeModules(root);
ensurePrometheus();
ensureBuild(root);
const { runDemo } = await import(pathToFileURL(join(root, 'dist/dev/run.js')).href);
await runDemo();
