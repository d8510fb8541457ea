import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The certificate and key Kite serves HTTPS with (KITE_TLS_CERT, KITE_TLS_KEY). */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

/** What Fastify's `https` option takes. */
export interface TlsCredentials {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/** A certificate or key that cannot be served; its message is one line for the console. */
export class TlsError extends Error {}

function read(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new TlsError(`${variable} "${file}" cannot be read (${code})`);
  }
}

/**
 * Reads and checks the certificate and key before the server starts, so that a wrong file stops
 * the start with one line naming the variable, instead of a TLS error on the first connection.
 * The key's content is never put in a message.
 */
export function loadTls(files: TlsFiles, now: Date = new Date()): TlsCredentials {
  const cert = read('KITE_TLS_CERT', files.certFile);
  const key = read('KITE_TLS_KEY', files.keyFile);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new TlsError(`KITE_TLS_CERT "${files.certFile}" is not a PEM certificate`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsError(`KITE_TLS_KEY "${files.keyFile}" is not an unencrypted PEM private key`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new TlsError(
      `KITE_TLS_KEY "${files.keyFile}" is not the private key of the certificate in KITE_TLS_CERT`,
    );
  }
  if (new Date(certificate.validTo) <= now) {
    throw new TlsError(
      `KITE_TLS_CERT "${files.certFile}" expired on ${certificate.validTo}; make a new one (docs/deploy.md "HTTPS on a hub")`,
    );
  }
  return { cert, key };
}
