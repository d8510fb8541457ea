import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, watchContext } from '../helpers/browser';
import { keepOffline, openActivity, setUpChild } from '../helpers/child';
import { compiledBuildBeforeAll } from '../helpers/compiled-server';
import { startKite } from '../helpers/kite-process';
import type { KiteProcess } from '../helpers/kite-process';
import { playNewFriend } from '../helpers/new-friend';
import { E2E_PACKS } from './global-setup';
import { freePort } from '../helpers/free-port';

// Issue 18: a device on a school hub's network, trusting the authority scripts/hub-tls.sh made
// on the hub (docs/deploy.md "HTTPS on a hub"). The real server runs compiled as a hub
// (KITE_MODE=hub) serving HTTPS with the script's files. Chromium trusts the authority as it
// does on a Linux device: ca.crt installed in the NSS database of its HOME, with no flag that
// loosens certificate checks; the hub's name resolves to 127.0.0.1 as the school's DNS would
// resolve it to the hub. The page is then a secure context, the service worker keeps the app,
// and an activity never opened before plays offline. The trust goes no further than the hub's
// name: the same name from an authority not installed, a name outside the school's domain that
// the installed authority signed, and the hub by its IP address are all refused.
const DOMAIN = 'school-042.kite.lan';
const HUB = `hub.${DOMAIN}`;
const OUTSIDE = 'bank.example.com';

/** Whether certutil (Debian: libnss3-tools) is here to install the authority for Chromium. */
function certutilAvailable(): boolean {
  try {
    execFileSync('certutil', ['-H'], { stdio: 'ignore' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return true; // it ran (-H exits 1)
    if (process.env.KITE_TEST_BROWSER === 'required') {
      throw new Error('KITE_TEST_BROWSER=required but certutil is missing (libnss3-tools)');
    }
    console.warn(
      '\n[kite] No certutil: the HTTPS hub journey is SKIPPED (apt-get install libnss3-tools; KITE_TEST_BROWSER=required makes this a failure)\n',
    );
    return false;
  }
  return true;
}

const enabled = browserAvailable() && certutilAvailable();

/** An HTTPS server of the test on 127.0.0.1 with a certificate and key (PEM files). */
async function serveWith(certFile: string, keyFile: string): Promise<Server> {
  const server = createHttpsServer(
    { cert: readFileSync(certFile), key: readFileSync(keyFile) },
    (_req, res) => res.end('<p>reached</p>'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/** The network error a navigation ends with ('' when the page loads). */
async function navigationError(page: Page, url: string): Promise<string> {
  try {
    await page.goto(url);
    return '';
  } catch (e) {
    return /net::ERR_[A-Z_]+/.exec((e as Error).message)?.[0] ?? (e as Error).message;
  }
}

describe.skipIf(!enabled)('a device that installed the school hub’s authority', () => {
  compiledBuildBeforeAll();
  let root = '';
  const tls = (name: string) => join(root, 'tls', name);
  let kite: KiteProcess | undefined;
  let browser: Browser | undefined;
  const others: Server[] = [];
  let origin = '';
  let port = 0;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kite-hub-https-'));
    const home = join(root, 'home');
    execFileSync('bash', ['scripts/hub-tls.sh', DOMAIN, HUB, join(root, 'tls')], { stdio: 'pipe' });
    // Installing ca.crt on the device: an authority trusted for websites ("C,,") in the NSS
    // database that Chromium on Linux reads from $HOME/.pki/nssdb.
    const nssdb = `sql:${join(home, '.pki', 'nssdb')}`;
    mkdirSync(join(home, '.pki', 'nssdb'), { recursive: true });
    execFileSync('certutil', ['-N', '-d', nssdb, '--empty-password'], { stdio: 'pipe' });
    execFileSync('certutil', ['-A', '-t', 'C,,', '-n', 'kite-hub-ca', '-i', tls('ca.crt'), '-d', nssdb], { stdio: 'pipe' }); // prettier-ignore

    // What the device must refuse: the hub's own name from another hub's authority (one the
    // device never installed), and a name outside the school's domain that the installed
    // authority signed with the same extensions as the hub's certificate.
    execFileSync('bash', ['scripts/hub-tls.sh', DOMAIN, HUB, join(root, 'other')], { stdio: 'pipe' }); // prettier-ignore
    writeFileSync(
      tls('outside.ext'),
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n' +
        `extendedKeyUsage=serverAuth\nsubjectAltName=DNS:${OUTSIDE}\n`,
    );
    execFileSync('openssl', [
      'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', tls('outside.key'), '-out', tls('outside.csr'), '-subj', `/CN=${OUTSIDE}`,
    ], { stdio: 'pipe' }); // prettier-ignore
    execFileSync('openssl', [
      'x509', '-req', '-in', tls('outside.csr'), '-CA', tls('ca.crt'), '-CAkey', tls('ca.key'),
      '-CAcreateserial', '-days', '30', '-extfile', tls('outside.ext'), '-out', tls('outside.crt'),
    ], { stdio: 'pipe' }); // prettier-ignore
    others.push(
      await serveWith(join(root, 'other', 'hub.crt'), join(root, 'other', 'hub.key')),
      await serveWith(tls('outside.crt'), tls('outside.key')),
    );

    port = await freePort();
    origin = `https://${HUB}:${port}`;
    kite = await startKite(
      {
        KITE_MODE: 'hub',
        KITE_TLS_CERT: tls('hub.crt'),
        KITE_TLS_KEY: tls('hub.key'),
        KITE_DATA_DIR: join(root, 'data'),
        KITE_WEB_DIR: 'dist',
        KITE_PACKS: E2E_PACKS,
      },
      port,
    );
    browser = await launchBrowser(
      [`--host-resolver-rules=MAP ${HUB} 127.0.0.1, MAP ${OUTSIDE} 127.0.0.1`],
      'allow',
      { HOME: home },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await kite?.stop();
    for (const server of others) server.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('trusts the hub by its name, plays offline, and trusts nothing else', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await setUpChild(page, origin, { band: '11-13' });
    expect(await page.evaluate(() => [location.protocol, window.isSecureContext])).toEqual([
      'https:',
      true,
    ]);
    // The service worker controls the page and has kept the app and the band's content.
    await keepOffline(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${origin}/sw.js`,
    );
    await openActivity(page, origin, 'privacy-11-13-identify');
    await keepOffline(page);

    await context.setOffline(true);
    await page.reload();
    await page.locator('.play-head h1').waitFor();
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Your topics' }).waitFor();
    await page
      .getByRole('link', { name: /A new friend in the game/ })
      .first()
      .click();
    await playNewFriend(page);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();

    // The same browser, online, where the installed authority does not vouch.
    const other = await browser!.newPage();
    expect(await navigationError(other, `https://${HUB}:${portOf(others[0]!)}/`)).toBe(
      'net::ERR_CERT_AUTHORITY_INVALID',
    );
    // The name constraint: Chromium refuses the installed authority's certificate for a name
    // outside the school's domain.
    expect(await navigationError(other, `https://${OUTSIDE}:${portOf(others[1]!)}/`)).toBe(
      'net::ERR_CERT_INVALID',
    );
    expect(await navigationError(other, `https://127.0.0.1:${port}/`)).toBe(
      'net::ERR_CERT_COMMON_NAME_INVALID',
    );
    await other.close();
  });
});
