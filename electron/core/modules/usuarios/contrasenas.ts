/**
 * Password hashing with scrypt and a per-user salt; stored as `scrypt$N$r$p$salt$hash` (base64).
 * Asynchronous (libuv's thread pool): a sign-in never blocks other users' requests while it hashes.
 */
import crypto from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const LARGO = 64;

function scrypt(contrasena: string, sal: Buffer, largo: number, o: crypto.ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(contrasena.normalize('NFC'), sal, largo, { ...o, maxmem: 64 * 1024 * 1024 }, (e, k) => (e ? reject(e) : resolve(k))),
  );
}

export async function hashContrasena(contrasena: string): Promise<string> {
  const sal = crypto.randomBytes(16);
  const hash = await scrypt(contrasena, sal, LARGO, { N, r: R, p: P });
  return ['scrypt', N, R, P, sal.toString('base64'), hash.toString('base64')].join('$');
}

export async function verificarContrasena(contrasena: string, guardado: string): Promise<boolean> {
  const [alg, n, r, p, sal, hash] = guardado.split('$');
  if (alg !== 'scrypt') return false;
  const esperado = Buffer.from(hash, 'base64');
  const calculado = await scrypt(contrasena, Buffer.from(sal, 'base64'), esperado.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(esperado, calculado);
}

/** A hash of nothing anyone knows: checked against when the user does not exist, so both cases take the same time. */
let señuelo: Promise<string> | null = null;
export function hashSeñuelo(): Promise<string> {
  return (señuelo ??= hashContrasena(crypto.randomBytes(24).toString('base64')));
}
