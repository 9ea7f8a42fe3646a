/**
 * Certificates for the TLS tests, made with openssl as
 * runner/deploy/kubernetes/README.md makes them: a CA, a server certificate
 * for the given subjectAltName, and a client certificate.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The PEM texts. */
export type Pems = { ca: string; serverCert: string; serverKey: string; clientCert: string; clientKey: string };

/** A fresh CA with a server certificate for `san` (default the engines' name) and a client certificate. */
export async function makeCerts(san = 'DNS:layerlab-session'): Promise<Pems> {
  const dir = await mkdtemp(join(tmpdir(), 'll-certs-'));
  const ssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await ssl('req', '-x509', ...ec, '-days', '1', '-subj', '/CN=layerlab-engines-ca', '-keyout', 'ca-key.pem', '-out', 'ca.pem');
  await ssl('req', ...ec, '-subj', '/CN=layerlab-session', '-keyout', 'server-key.pem', '-out', 'server.csr');
  await ssl('req', ...ec, '-subj', '/CN=layerlab-runner', '-keyout', 'client-key.pem', '-out', 'client.csr');
  await writeFile(join(dir, 'server.ext'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
  await writeFile(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  await ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-days', '1', '-out', 'server-cert.pem', '-extfile', 'server.ext');
  await ssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-days', '1', '-out', 'client-cert.pem', '-extfile', 'client.ext');
  const r = (f: string) => readFile(join(dir, f), 'utf8');
  return { ca: await r('ca.pem'), serverCert: await r('server-cert.pem'), serverKey: await r('server-key.pem'), clientCert: await r('client-cert.pem'), clientKey: await r('client-key.pem') };
}
