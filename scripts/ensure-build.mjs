// Builds dist/ when it is missing or older than the sources. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'contract',
  'web',
  'server',
  'dev',
  'public',
  'package.json',
  'vite.config.ts',
  'tsconfig.server.json',
  'tsconfig.dev.json',
];
const OUTPUTS = ['dist/web/index.html', 'dist/server/main.node.js', 'dist/dev/run.js'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    // Tests are not part of the build: editing one must not trigger a rebuild.
    if (!/\.test\.tsx?$/.test(name)) max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

export function ensureBuild(root) {
  const built = Math.min(
    ...OUTPUTS.map((o) => (existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0)),
  );
  const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (built > sources) return;
  console.log(built === 0 ? 'Building the app (first run)…' : 'Sources changed: rebuilding…');
  const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('promscope: the build failed (see above).');
    process.exit(1);
  }
}
