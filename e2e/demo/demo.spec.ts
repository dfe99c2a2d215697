// `npm run demo` end to end: it starts Prometheus, the demo service and Promscope, serves
// live data, and Ctrl+C or SIGTERM leaves no process behind.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

interface Demo {
  npm: ChildProcess;
  url: string;
  prometheusUrl: string;
  output: () => string;
  dataDir: string;
}

async function startDemo(): Promise<Demo> {
  const dataDir = await mkdtemp(join(tmpdir(), 'promscope-demo-'));
  // Own process group, like a terminal's foreground job, so Ctrl+C can be sent to all of it.
  const npm = spawn('npm', ['run', 'demo'], {
    detached: true,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  npm.stdout?.on('data', (d) => (out += d));
  npm.stderr?.on('data', (d) => (out += d));
  await expect.poll(() => out, { timeout: 90_000 }).toContain('Promscope demo is running');
  const url = /Promscope\s+(http:\/\/\S+)/.exec(out)![1]!;
  const prometheusUrl = /Prometheus\s+(http:\/\/\S+)/.exec(out)![1]!;
  return { npm, url, prometheusUrl, output: () => out, dataDir };
}

/** Every live descendant of `pid`, from /proc. A zombie counts as gone: it runs nothing. */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(name), Number(ppid));
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

async function alive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function commandOf(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
}

async function expectAllGone(demo: Demo, pids: number[]) {
  await expect
    .poll(async () => demo.npm.exitCode ?? demo.npm.signalCode, { timeout: 30_000 })
    .not.toBeNull();
  for (const pid of [demo.npm.pid!, ...pids]) {
    await expect
      .poll(() => alive(pid), { message: `pid ${pid} ${await commandOf(pid)}`, timeout: 15_000 })
      .toBe(false);
  }
  await expect(fetch(`${demo.url}/api/health`)).rejects.toThrow();
  await expect(fetch(`${demo.prometheusUrl}/-/ready`)).rejects.toThrow();
  await rm(demo.dataDir, { recursive: true, force: true });
}

test('Ctrl+C stops Prometheus, the demo service and Promscope, leaving no process', async () => {
  const demo = await startDemo();
  const pids = await descendants(demo.npm.pid!);
  const commands = await Promise.all(pids.map(commandOf));
  expect(commands.some((c) => c.includes('prometheus') && c.includes('--config.file'))).toBe(true);
  expect(commands.some((c) => c.includes('scripts/demo.mjs'))).toBe(true);

  // It is the real thing: the server answers with a healthy datasource and live rates.
  const health = await (await fetch(`${demo.url}/api/health`)).json();
  expect(health.datasources[0]).toMatchObject({ up: true });

  process.kill(-demo.npm.pid!, 'SIGINT'); // what the terminal does on Ctrl+C
  await expectAllGone(demo, pids);
  expect(demo.output()).toContain('demo stack stopped');
});

test('SIGTERM to the demo process alone stops every child too', async () => {
  const demo = await startDemo();
  const pids = await descendants(demo.npm.pid!);
  const commands = await Promise.all(pids.map(commandOf));
  const node = pids[commands.findIndex((c) => /^\S*node scripts\/demo\.mjs/.test(c))]!;
  process.kill(node, 'SIGTERM');
  await expectAllGone(demo, pids);
});

test('SIGTERM to npm (a process manager stopping it) leaves no orphan', async () => {
  const demo = await startDemo();
  const pids = await descendants(demo.npm.pid!);
  process.kill(demo.npm.pid!, 'SIGTERM');
  await expectAllGone(demo, pids);
});
