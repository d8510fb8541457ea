import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILED_SERVER, compiledBuildBeforeAll, compiledEntry } from '../helpers/compiled-server';
import { loadTls } from '../../src/server/http/tls';

// HTTPS on a school hub (docs/deploy.md "HTTPS on a hub"): the certificate authority that
// scripts/hub-tls.sh makes on the hub, and Kite serving HTTPS with its certificate
// (KITE_TLS_CERT, KITE_TLS_KEY). The real entry point runs, compiled, on SQLite: TLS does not
// depend on the database.
const DOMAIN = 'school-042.kite.lan';
const HUB = `hub.${DOMAIN}`;
const root = mkdtempSync(join(tmpdir(), 'kite-tls-'));
const tlsDir = join(root, 'tls');
afterAll(() => rmSync(root, { recursive: true, force: true }));
compiledBuildBeforeAll();

beforeAll(() => {
  execFileSync('bash', ['scripts/hub-tls.sh', DOMAIN, HUB, tlsDir], { stdio: 'pipe' });
});

const file = (name: string) => join(tlsDir, name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the server with `env`; while it runs (once it says so), `whileRunning` gets its port. */
async function runMain(
  env: Record<string, string>,
  whileRunning?: (port: number) => Promise<void>,
): Promise<Run> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const entry = await compiledEntry(COMPILED_SERVER);
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      env: {
        ...process.env,
        KITE_DATA_DIR: join(root, `data-${port}`),
        KITE_WEB_DIR: 'no-such-dir',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let started = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (started || !whileRunning || !stdout.includes('Kite is running')) return;
      started = true;
      whileRunning(port)
        .catch(reject)
        .finally(() => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** GET over HTTPS to 127.0.0.1 under the hub's name, trusting only `ca` when given. */
function get(port: number, path: string, ca?: Buffer) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, servername: HUB, headers: { host: HUB }, ca },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS on a school hub', () => {
  it('makes an authority that may vouch only for names inside the school domain', async () => {
    const text = execFileSync('openssl', ['x509', '-in', file('ca.crt'), '-noout', '-text'], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/X509v3 Name Constraints: critical/);
    expect(text).toContain(`DNS:${DOMAIN}`);
    expect(text).toMatch(/CA:TRUE, pathlen:0/);
    // The keys are the hub's alone.
    for (const key of ['ca.key', 'hub.key']) {
      const mode = execFileSync('stat', ['-c', '%a', file(key)], { encoding: 'utf8' }).trim();
      expect(mode, key).toBe('600');
    }
    // A certificate it signs for a name outside the domain is refused by a client that trusts it.
    execFileSync('openssl', [
      'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', file('other.key'), '-out', file('other.csr'), '-subj', '/CN=bank.example.com',
    ], { stdio: 'pipe' }); // prettier-ignore
    writeFileSync(file('other.ext'), 'subjectAltName=DNS:bank.example.com\n');
    execFileSync('openssl', [
      'x509', '-req', '-in', file('other.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'),
      '-CAcreateserial', '-days', '30', '-extfile', file('other.ext'), '-out', file('other.crt'),
    ], { stdio: 'pipe' }); // prettier-ignore
    const server = createServer(
      { key: readFileSync(file('other.key')), cert: readFileSync(file('other.crt')) },
      (socket) => socket.end(),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({
        host: '127.0.0.1',
        port,
        servername: 'bank.example.com',
        ca: readFileSync(file('ca.crt')),
      });
      socket.on('secureConnect', () => {
        socket.destroy();
        resolve('trusted');
      });
      socket.on('error', (e) => resolve(e.message));
    });
    server.close();
    expect(outcome).toBe('permitted subtree violation');
  });

  it('serves HTTPS with the hub certificate, trusted by a device that installed the authority', async () => {
    const ca = readFileSync(file('ca.crt'));
    let seen: { status: number; body: string } | undefined;
    let untrusted = '';
    const r = await runMain(
      { KITE_TLS_CERT: file('hub.crt'), KITE_TLS_KEY: file('hub.key') },
      async (port) => {
        seen = await get(port, '/api/health', ca);
        untrusted = await get(port, '/api/health').then(
          () => 'trusted',
          (e: Error) => e.message,
        );
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Kite is running at https:\/\//);
    expect(seen).toEqual({ status: 200, body: JSON.stringify({ status: 'ok' }) });
    // A device without the authority does not trust the hub.
    expect(untrusted).toMatch(/self[- ]signed|unable to (get|verify)/i);
  }, 60_000);

  it('refuses to start with a key that is not the certificate’s, in one line that shows no key', async () => {
    const r = await runMain({ KITE_TLS_CERT: file('hub.crt'), KITE_TLS_KEY: file('ca.key') });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^kite: KITE_TLS_KEY ".*ca\.key" is not the private key of the certificate in KITE_TLS_CERT$/,
    );
    expect(r.stdout + r.stderr).not.toContain('PRIVATE KEY');
  }, 60_000);

  it('checks the files before serving: unreadable, not a key, not a certificate, expired', () => {
    const files = (cert: string, key: string) => ({ certFile: file(cert), keyFile: file(key) });
    expect(() => loadTls(files('nowhere.crt', 'hub.key'))).toThrow(
      /^KITE_TLS_CERT ".*nowhere\.crt" cannot be read \(ENOENT\)$/,
    );
    expect(() => loadTls(files('hub.crt', 'ca.crt'))).toThrow(
      /^KITE_TLS_KEY ".*ca\.crt" is not an unencrypted PEM private key$/,
    );
    expect(() => loadTls(files('hub.key', 'hub.key'))).toThrow(
      /^KITE_TLS_CERT ".*hub\.key" is not a PEM certificate$/,
    );
    expect(() => loadTls(files('hub.crt', 'hub.key'), new Date('2100-01-01'))).toThrow(
      /^KITE_TLS_CERT ".*hub\.crt" expired on .*; make a new one/,
    );
    const ok = loadTls(files('hub.crt', 'hub.key'));
    expect(ok.cert.toString()).toContain('BEGIN CERTIFICATE');
  });
});
