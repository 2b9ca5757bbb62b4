/** Password hashing with scrypt and a per-user salt; stored as `scrypt$N$r$p$salt$hash` (base64). */
import crypto from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const LARGO = 64;

export function hashContrasena(contrasena: string): string {
  const sal = crypto.randomBytes(16);
  const hash = crypto.scryptSync(contrasena.normalize('NFC'), sal, LARGO, { N, r: R, p: P });
  return ['scrypt', N, R, P, sal.toString('base64'), hash.toString('base64')].join('$');
}

export function verificarContrasena(contrasena: string, guardado: string): boolean {
  const [alg, n, r, p, sal, hash] = guardado.split('$');
  if (alg !== 'scrypt') return false;
  const esperado = Buffer.from(hash, 'base64');
  const calculado = crypto.scryptSync(contrasena.normalize('NFC'), Buffer.from(sal, 'base64'), esperado.length, {
    N: Number(n), r: Number(r), p: Number(p),
  });
  return crypto.timingSafeEqual(esperado, calculado);
}
