// nginx in front of several Kite processes, for the failover drill and bench:ingest --via nginx:
// its configuration is written to a temporary folder and nginx runs from there in the
// foreground (-p, -c, daemon off), never as the system's service. The upstream checks are
// passive (open-source nginx has no active ones): a process that refuses or resets a
// connection, or answers 502/503, is passed over and the request sent to the next. Only the
// sync route, which is idempotent by event id, is sent again after it may have reached a
// process (`non_idempotent`); every other POST is not (docs/deploy.md "National deployment").
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';

export interface NginxProxy {
  readonly port: number;
  readonly origin: string;
  readonly config: string;
  stop(): Promise<void>;
}

/** The nginx configuration: one upstream of `appPorts`, listening on 127.0.0.1:`port`. */
export function nginxConfig(dir: string, port: number, appPorts: readonly number[]): string {
  const servers = appPorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  const proxied = (retry: string) => `      proxy_pass http://kite;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 60s;
      proxy_next_upstream ${retry};
      proxy_next_upstream_tries 3;`;
  return `# Written by bench/rig/nginx.ts; nginx -p ${dir} -c ${dir}/nginx.conf
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 2m;
  upstream kite {
${servers}
    # More idle connections kept than the bench has clients (100), so none is opened per request.
    keepalive 128;
    # Shorter than Kite's keep-alive (KITE_KEEP_ALIVE_TIMEOUT_MS, 10 s), so nginx never reuses
    # a connection the app is closing.
    keepalive_timeout 5s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
${proxied('error timeout http_502 http_503')}
    }
    # Idempotent by event id: sent to another process even when the first may have seen it.
    location = /api/child/sync {
${proxied('error timeout http_502 http_503 non_idempotent')}
    }
  }
}
`;
}

/** Installs nginx from Debian when it is missing (the drill's only installation). */
export function ensureNginx(log: (line: string) => void): void {
  if (spawnSync('nginx', ['-v']).status === 0) return;
  log('nginx is not installed: apt-get install -y nginx (Debian)');
  const r = spawnSync('apt-get', ['install', '-y', 'nginx'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error('apt-get install -y nginx failed');
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

/** Starts nginx on 127.0.0.1:`port` in front of `appPorts`, and waits until it listens. */
export async function startNginx(port: number, appPorts: readonly number[]): Promise<NginxProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'kite-nginx-'));
  // nginx's workers run as nobody; they read nothing here but make their temporary folders.
  chmodSync(dir, 0o755);
  const config = nginxConfig(dir, port, appPorts);
  writeFileSync(join(dir, 'nginx.conf'), config);
  const test = spawnSync(
    'nginx',
    ['-t', '-q', '-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')],
    {
      encoding: 'utf8',
    },
  );
  if (test.status !== 0) throw new Error(`nginx refused its configuration: ${test.stderr}`);
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 5000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    config,
    async stop() {
      // SIGQUIT: nginx's graceful stop; its workers end with the master.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
