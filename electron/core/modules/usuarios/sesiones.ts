/**
 * Signed-in sessions, kept in the database (only a hash of each token) so a restarted server keeps its
 * users signed in. A session idle longer than the configured minutes is locked: it keeps its user but
 * every call asks for the password again. A session idle for `EXPIRA_INACTIVA_MS` is gone for good.
 * Activity is remembered in memory and written at most once a minute (no write per read).
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export const EXPIRA_INACTIVA_MS = 8 * 60 * 60_000;
const ESCRIBIR_ACTIVIDAD_MS = 60_000;

interface Sesion {
  usuarioId: string;
  ultimaActividad: number;
  bloqueada: boolean;
  escrita: number;
}

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export class Sesiones {
  private readonly activas = new Map<string, Sesion>();
  /** Failed sign-ins for names that are no account, counted like real ones so both answers look alike. */
  readonly sinCuenta = new Map<string, { intentos: number; bloqueadoHasta: number | null }>();

  constructor(private readonly sqlite: Database.Database) {
    const filas = sqlite.prepare('SELECT token_hash, usuario_id, ultima_actividad, bloqueada FROM sesiones').all() as {
      token_hash: string; usuario_id: string; ultima_actividad: number; bloqueada: number;
    }[];
    for (const f of filas) {
      this.activas.set(f.token_hash, { usuarioId: f.usuario_id, ultimaActividad: f.ultima_actividad, bloqueada: !!f.bloqueada, escrita: f.ultima_actividad });
    }
  }

  private guardar(h: string, s: Sesion): void {
    s.escrita = s.ultimaActividad;
    this.sqlite
      .prepare('INSERT OR REPLACE INTO sesiones (token_hash, usuario_id, ultima_actividad, bloqueada) VALUES (?, ?, ?, ?)')
      .run(h, s.usuarioId, s.ultimaActividad, s.bloqueada ? 1 : 0);
  }

  private borrar(h: string): void {
    this.activas.delete(h);
    this.sqlite.prepare('DELETE FROM sesiones WHERE token_hash = ?').run(h);
  }

  abrir(usuarioId: string, ahora: number): string {
    for (const [h, s] of this.activas) if (ahora - s.ultimaActividad > EXPIRA_INACTIVA_MS) this.borrar(h);
    const token = crypto.randomBytes(32).toString('base64url');
    const s = { usuarioId, ultimaActividad: ahora, bloqueada: false, escrita: ahora };
    this.activas.set(hash(token), s);
    this.guardar(hash(token), s);
    return token;
  }

  /** The session for a token, locking it first if it sat idle longer than `bloqueoMinutos`. */
  consultar(token: string | null | undefined, ahora: number, bloqueoMinutos: number): Omit<Sesion, 'escrita'> | null {
    if (!token) return null;
    const h = hash(token);
    const s = this.activas.get(h);
    if (!s) return null;
    if (ahora - s.ultimaActividad > EXPIRA_INACTIVA_MS) {
      this.borrar(h);
      return null;
    }
    if (!s.bloqueada && ahora - s.ultimaActividad > bloqueoMinutos * 60_000) {
      s.bloqueada = true;
      this.guardar(h, s);
    }
    return s;
  }

  tocar(token: string, ahora: number): void {
    const h = hash(token);
    const s = this.activas.get(h);
    if (!s || s.bloqueada) return;
    s.ultimaActividad = ahora;
    if (ahora - s.escrita > ESCRIBIR_ACTIVIDAD_MS) this.guardar(h, s);
  }

  desbloquear(token: string, ahora: number): void {
    const h = hash(token);
    const s = this.activas.get(h);
    if (!s) return;
    Object.assign(s, { bloqueada: false, ultimaActividad: ahora });
    this.guardar(h, s);
  }

  cerrar(token: string): void {
    this.borrar(hash(token));
  }

  /** Signs out every session of a user (deactivated, password reset, account locked). */
  cerrarDeUsuario(usuarioId: string): void {
    for (const [h, s] of this.activas) if (s.usuarioId === usuarioId) this.borrar(h);
  }
}
