/**
 * Idempotency-Key store: (usuario, clave) → the first successful result, kept 24 h. Called inside the
 * write's own transaction, so a key is recorded exactly when its write commits.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from './errors';

export const VIGENCIA_CLAVE_MS = 24 * 60 * 60_000;
const FORMATO = /^[A-Za-z0-9-]{8,100}$/;

/**
 * The only methods that write without being `escritura` (so without an Idempotency-Key), and why: a
 * repeat of them is harmless or must run again. The router refuses `ctx.transaccion` to any other
 * non-`escritura` method, so a new write cannot forget its key.
 */
export const ESCRITURAS_SIN_CLAVE: Readonly<Record<string, string>> = {
  'usuarios.iniciarSesion': 'cada intento se comprueba de nuevo; guardar su respuesta guardaría la sesión',
  'tablero.informe.generar': 'la instantánea de la semana: la primera se conserva, repetir no duplica',
  'ocr.leerEscaneo': 'guarda la lectura de una página por su huella: repetir no duplica',
};

export function huellaDeLlamada(metodo: string, input: unknown): string {
  return crypto.createHash('sha256').update(metodo).update('\0').update(JSON.stringify(input ?? null)).digest('hex');
}

export function validarClave(clave: string): void {
  if (!FORMATO.test(clave)) throw new AppError('PETICION', 'La clave de idempotencia no es válida (use un UUID).');
}

export class ClavesIdempotencia {
  constructor(private readonly sqlite: Database.Database) {}

  /** The stored result for this key, or undefined; refuses a key used for other data. */
  buscar(usuarioId: string, clave: string, huella: string, ahora: number): { resultado: unknown } | undefined {
    const fila = this.sqlite
      .prepare('SELECT huella, resultado, momento FROM claves_idempotencia WHERE usuario_id = ? AND clave = ?')
      .get(usuarioId, clave) as { huella: string; resultado: string; momento: number } | undefined;
    if (!fila || fila.momento < ahora - VIGENCIA_CLAVE_MS) return undefined;
    if (fila.huella !== huella) {
      throw new AppError('PETICION', 'Esta clave de idempotencia ya se usó con otros datos; no se guardó nada.');
    }
    return { resultado: JSON.parse(fila.resultado) };
  }

  guardar(usuarioId: string, clave: string, metodo: string, huella: string, resultado: unknown, ahora: number): void {
    this.sqlite.prepare('DELETE FROM claves_idempotencia WHERE momento < ?').run(ahora - VIGENCIA_CLAVE_MS);
    this.sqlite
      .prepare(
        `INSERT INTO claves_idempotencia (usuario_id, clave, metodo, huella, resultado, momento) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (usuario_id, clave) DO UPDATE SET metodo = excluded.metodo, huella = excluded.huella, resultado = excluded.resultado, momento = excluded.momento`,
      )
      .run(usuarioId, clave, metodo, huella, JSON.stringify(resultado ?? null), ahora);
  }
}
