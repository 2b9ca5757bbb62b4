/**
 * Signed-in sessions live in memory (a restart signs everyone out). A session idle longer than the
 * configured minutes is locked: it keeps its user but every call asks for the password again. A session
 * idle for `EXPIRA_INACTIVA_MS` is gone for good (the server forgets it; the user signs in again).
 */
import crypto from 'node:crypto';

export const EXPIRA_INACTIVA_MS = 8 * 60 * 60_000;

interface Sesion {
  usuarioId: string;
  ultimaActividad: number;
  bloqueada: boolean;
}

export class Sesiones {
  private readonly activas = new Map<string, Sesion>();
  /** Failed sign-ins for names that are no account, counted like real ones so both answers look alike. */
  readonly sinCuenta = new Map<string, { intentos: number; bloqueadoHasta: number | null }>();

  abrir(usuarioId: string, ahora: number): string {
    for (const [t, s] of this.activas) if (ahora - s.ultimaActividad > EXPIRA_INACTIVA_MS) this.activas.delete(t);
    const token = crypto.randomBytes(32).toString('base64url');
    this.activas.set(token, { usuarioId, ultimaActividad: ahora, bloqueada: false });
    return token;
  }

  /** The session for a token, locking it first if it sat idle longer than `bloqueoMinutos`. */
  consultar(token: string | null | undefined, ahora: number, bloqueoMinutos: number): Sesion | null {
    if (!token) return null;
    const s = this.activas.get(token);
    if (!s) return null;
    if (ahora - s.ultimaActividad > EXPIRA_INACTIVA_MS) {
      this.activas.delete(token);
      return null;
    }
    if (ahora - s.ultimaActividad > bloqueoMinutos * 60_000) s.bloqueada = true;
    return s;
  }

  tocar(token: string, ahora: number): void {
    const s = this.activas.get(token);
    if (s && !s.bloqueada) s.ultimaActividad = ahora;
  }

  desbloquear(token: string, ahora: number): void {
    const s = this.activas.get(token);
    if (s) Object.assign(s, { bloqueada: false, ultimaActividad: ahora });
  }

  cerrar(token: string): void {
    this.activas.delete(token);
  }

  /** Signs out every session of a user (deactivated, password reset). */
  cerrarDeUsuario(usuarioId: string): void {
    for (const [token, s] of this.activas) if (s.usuarioId === usuarioId) this.activas.delete(token);
  }
}
