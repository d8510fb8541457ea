import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { COMPILED_SERVER, compiledEntry } from './compiled-server';

/**
 * The real server as a child process on a port of 127.0.0.1: the compiled build of
 * src/server/main.ts (build/, brought up to date first: compiledEntry).
 */
export interface KiteProcess {
  readonly origin: string;
  readonly child: ChildProcess;
  /**
   * All it has printed so far, stdout and stderr, from its first line: a listener added after
   * start would miss what came before "Kite is running" (a log line of the app's start-up).
   */
  output(): string;
  /** Ends it at once, as a crash or a power cut would (no graceful shutdown). */
  kill(): Promise<void>;
  /** Stops it with SIGTERM and waits. */
  stop(): Promise<void>;
}

/** Starts the server with `env` (a database, e.g. a TestDb's `env`) and waits until it serves. */
export async function startKite(
  env: Readonly<Record<string, string>>,
  port: number,
): Promise<KiteProcess> {
  const child = spawn(process.execPath, [await compiledEntry(COMPILED_SERVER)], {
    env: {
      ...process.env,
      KITE_WEB_DIR: 'no-such-dir',
      KITE_LOG_LEVEL: 'warn',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('Kite is running')) {
        resolve({
          origin: `http://127.0.0.1:${port}`,
          child,
          output: () => out,
          kill: () => end('SIGKILL'),
          stop: () => end('SIGTERM'),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`the server exited: ${out.slice(-2000)}`)));
  });
}
