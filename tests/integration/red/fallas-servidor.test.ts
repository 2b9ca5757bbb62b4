/**
 * Faults of the office server as it really runs: `scripts/servidor.ts` (what `npm run servidor` starts) in
 * its own process over HTTPS on loopback, killed with SIGKILL while three stations write, then restarted
 * on the same data directory; and a second server on that directory, refused with the holder named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { clientePinned, type ClientePinned } from '../../../electron/core/http/clientePinned';
import { ARCHIVO_BASE } from '../../../electron/core/app';
import { CONTRASENA, crearUsuarioYEntrar } from '../ayuda';
import { datosAsunto, escenario } from '../correspondencia/apoyo';

interface Servidor {
  proc: ChildProcessWithoutNullStreams;
  url: string;
  huella: string;
}

let dataDir: string;
let s1: Servidor;
const vivos: ChildProcessWithoutNullStreams[] = [];

/** Starts `npm run servidor`'s script on the data directory; resolves once it printed its address and fingerprint. */
function iniciarServidor(): Promise<Servidor> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/servidor.ts', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0']);
  vivos.push(proc);
  let salida = '';
  let errores = '';
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (c: Buffer) => {
      salida += c.toString();
      const url = /^(https:\/\/127\.0\.0\.1:\d+\/)$/m.exec(salida)?.[1];
      const huella = /^Huella SHA-256: ([0-9A-F:]+)$/m.exec(salida)?.[1];
      if (url && huella) resolve({ proc, url, huella });
    });
    proc.stderr.on('data', (c: Buffer) => (errores += c.toString()));
    proc.once('exit', (code) => reject(new Error(`El servidor terminó (${code}): ${errores.trim()}`)));
  });
}

async function entrar(s: Servidor, usuario: string): Promise<ClientePinned> {
  const c = clientePinned({ url: s.url, huella: s.huella, tiempoMs: 15_000 });
  const r = await c.llamar('usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA });
  if (!r.ok) throw new Error(r.error.message);
  return c;
}

const matar = (p: ChildProcessWithoutNullStreams, senal: NodeJS.Signals) =>
  new Promise<void>((r) => {
    if (p.exitCode !== null || p.signalCode !== null) return r();
    p.once('exit', () => r());
    p.kill(senal);
  });

beforeAll(async () => {
  // Users prepared by a core in this process, then closed: the server takes the directory over.
  const e = await escenario();
  await crearUsuarioYEntrar(e.p.core, e.admin, 'capturista2', 'capturista');
  await crearUsuarioYEntrar(e.p.core, e.admin, 'capturista3', 'capturista');
  dataDir = e.p.dataDir;
  e.p.cerrar();
  s1 = await iniciarServidor();
}, 120_000);
afterAll(async () => {
  for (const p of vivos) await matar(p, 'SIGKILL');
});

describe('el servidor de la oficina ante fallas', () => {
  it('un segundo servidor sobre la misma carpeta se rechaza con un mensaje en español que nombra al que la tiene', async () => {
    const err = await iniciarServidor().then(
      () => null,
      (e: Error) => e.message,
    );
    expect(err).toContain(`La carpeta de datos ${dataDir} está en uso por el servidor de la oficina (proceso ${s1.proc.pid}`);
    expect(err).toContain('Ciérrelo antes de continuar');
    // The first one goes on serving.
    expect((await (await entrar(s1, 'capturista1')).llamar('usuarios.sesion', {})).ok).toBe(true);
  }, 120_000);

  it('muerto con -9 mientras tres estaciones registran: todo lo confirmado está al volver, los folios son consecutivos y lo pendiente se reenvía una sola vez', async () => {
    const estaciones = await Promise.all(['capturista1', 'capturista2', 'capturista3'].map((u) => entrar(s1, u)));
    const confirmados: string[] = [];
    const pendientes: { estacion: number; clave: string; input: ReturnType<typeof datosAsunto> }[] = [];

    // Each station registers one asunto after another, each submit with its own Idempotency-Key, until the
    // server is gone: its last submit is then pending (it may or may not have committed before the kill).
    const escribir = async (i: number) => {
      for (let k = 0; ; k++) {
        const input = datosAsunto({ remitenteNombre: `Estación ${i + 1}, envío ${k + 1}` });
        const clave = crypto.randomUUID();
        const r = await estaciones[i].llamar('correspondencia.registrar', input, { clave });
        if (r.ok) confirmados.push((r.data as { folio: string }).folio);
        else if (r.error.code === 'SIN_CONEXION') return void pendientes.push({ estacion: i, clave, input });
        else throw new Error(r.error.message);
      }
    };
    const escritores = [0, 1, 2].map(escribir);
    // Killed mid-stream: once several writes are acknowledged, while the next ones are in flight.
    while (confirmados.length < 12) await new Promise((r) => setTimeout(r, 20));
    await matar(s1.proc, 'SIGKILL');
    await Promise.all(escritores);
    expect(pendientes.length).toBe(3);

    // Restarted on the same directory (the dead process's lock is recognised as stale).
    const s2 = await iniciarServidor();
    expect(s2.huella).toBe(s1.huella);
    const enDisco = () => {
      const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
      try {
        return db.prepare('select numero, folio from asuntos order by numero').all() as { numero: number; folio: string }[];
      } finally {
        db.close();
      }
    };
    const antes = enDisco();
    const folios = new Set(antes.map((f) => f.folio));
    for (const f of confirmados) expect(folios.has(f), `folio confirmado ${f} perdido`).toBe(true);
    expect(antes.map((f) => f.numero)).toEqual(antes.map((_, i) => i + 1));

    // Each station signs in again and resends its pending submit with the same key: written at most once.
    const otra = await Promise.all(['capturista1', 'capturista2', 'capturista3'].map((u) => entrar(s2, u)));
    const reenvios = await Promise.all(
      pendientes.flatMap((p) => [1, 2].map(() => otra[p.estacion].llamar('correspondencia.registrar', p.input, { clave: p.clave }))),
    );
    expect(reenvios.every((r) => r.ok)).toBe(true);
    const despues = enDisco();
    // The key is the user's, not the session's: a submit that committed just before the kill is not written again.
    const porRemitente = new Map<string, number>();
    const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
    for (const r of db.prepare('select remitente_nombre as n from asuntos').all() as { n: string }[]) porRemitente.set(r.n, (porRemitente.get(r.n) ?? 0) + 1);
    db.close();
    for (const p of pendientes) expect(porRemitente.get(p.input.remitenteNombre), p.input.remitenteNombre).toBe(1);
    expect(despues.map((f) => f.numero)).toEqual(despues.map((_, i) => i + 1));
    const reenviados = reenvios.map((r) => (r.ok ? (r.data as { folio: string }).folio : ''));
    expect(despues.map((f) => f.folio).sort()).toEqual([...new Set([...confirmados, ...reenviados])].sort());
    await matar(s2.proc, 'SIGTERM');
  }, 180_000);
});
