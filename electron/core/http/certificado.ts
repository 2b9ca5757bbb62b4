/**
 * The server's TLS certificate: the office's own (--cert/--key) or a self-signed one made on first start
 * with `selfsigned` and kept in the data directory, so stations keep trusting the same fingerprint.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { generate } from 'selfsigned';

export interface Certificado {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as uppercase hex pairs «AA:BB:…». */
  huella: string;
  creado: boolean;
}

export const CARPETA_TLS = 'tls';

export function huellaDe(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256.toUpperCase();
}

function nombres(extra: string[]) {
  const ips = Object.values(os.networkInterfaces()).flat().filter((i): i is os.NetworkInterfaceInfo => !!i).map((i) => i.address);
  const dns = [...new Set(['localhost', os.hostname(), ...extra.filter((n) => !/^[\d.:]+$/.test(n))])];
  const ip = [...new Set(['127.0.0.1', '::1', ...ips, ...extra.filter((n) => /^[\d.:]+$/.test(n))])];
  return [...dns.map((value) => ({ type: 2 as const, value })), ...ip.map((v) => ({ type: 7 as const, ip: v }))];
}

/** Reads the given pair, or the stored self-signed one, or creates and stores it (key readable by this user only). */
export async function obtenerCertificado(o: { dataDir: string; cert?: string; key?: string; nombres?: string[] }): Promise<Certificado> {
  if (o.cert || o.key) {
    if (!o.cert || !o.key) throw new Error('Indique juntos --cert y --key (archivos PEM).');
    const cert = fs.readFileSync(o.cert, 'utf8');
    return { cert, key: fs.readFileSync(o.key, 'utf8'), huella: huellaDe(cert), creado: false };
  }
  const dir = path.join(o.dataDir, CARPETA_TLS);
  const certFile = path.join(dir, 'servidor.crt');
  const keyFile = path.join(dir, 'servidor.key');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    return { cert, key: fs.readFileSync(keyFile, 'utf8'), huella: huellaDe(cert), creado: false };
  }
  const ahora = new Date();
  const pems = await generate([{ name: 'commonName', value: os.hostname() }, { name: 'organizationName', value: 'Oficina del Ejecutivo Estatal de Sonora' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(ahora.getTime() - 24 * 60 * 60_000),
    notAfterDate: new Date(ahora.getTime() + 10 * 365 * 24 * 60 * 60_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: nombres(o.nombres ?? []) },
    ],
  });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { cert: pems.cert, key: pems.private, huella: huellaDe(pems.cert), creado: true };
}
