// The compiled server as a child process for benches: started with the CPU probe preloaded
// (bench/cpu-probe.mjs), optionally pinned to a core with taskset, and asked for its CPU time.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

export interface ServerStart {
  readonly env: Record<string, string>;
  /** Node flags before the entry (e.g. `--max-old-space-size=512`). */
  readonly nodeFlags?: string[];
  /** Pin the server to this core (when taskset exists). */
  readonly core?: number;
}

/** Starts build/server/main.js and resolves once it prints that it is running. */
export function startServer({ env, nodeFlags = [], core }: ServerStart): Promise<ChildProcess> {
  const node = [process.execPath, ...nodeFlags, '--import', './bench/cpu-probe.mjs'];
  const cmd = [...node, 'build/server/main.js'];
  const full = core !== undefined && hasTaskset ? ['taskset', '-c', String(core), ...cmd] : cmd;
  return new Promise((resolve, reject) => {
    const child = spawn(full[0]!, full.slice(1), {
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('Kite is running')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** The server's CPU time so far (user + system, µs), from its preloaded cpu-probe. */
export function serverCpu(server: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { cpu?: { user: number; system: number } }) => {
      if (!m.cpu) return;
      server.off('message', onMessage);
      resolve(m.cpu.user + m.cpu.system);
    };
    server.on('message', onMessage);
    if (!server.send('cpu')) reject(new Error('the server has no IPC channel'));
  });
}

/** Stops the server with SIGTERM and waits for it to exit. */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}
