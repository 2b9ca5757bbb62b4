/** WAL checkpoints in their own thread (db/checkpointer.ts), on a real SQLite file. */
import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { startCheckpointer } from '../../db/checkpointer';
import { ARCHIVO_BASE } from '../../electron/core/app';
import { CONTRASENA, carpetaTemporal, crearPrueba, iniciarComoAdmin, llamar } from './ayuda';

const MIGRACIONES = path.resolve('db/migrations');

const ESPERA = { timeout: 10_000, interval: 20 };

async function base() {
  const file = path.join(carpetaTemporal(), ARCHIVO_BASE);
  const c = await openDatabase({ file, migrationsDir: MIGRACIONES });
  c.sqlite.exec('create table prueba (id integer primary key, texto text not null)');
  // Everything so far into the file: what follows lives in the WAL until someone checkpoints it.
  c.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { file, ...c };
}

function escribir(sqlite: Awaited<ReturnType<typeof base>>['sqlite'], filas: number) {
  const ins = sqlite.prepare('insert into prueba (texto) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < filas; i++) ins.run('x'.repeat(500));
  })();
}

describe('puntos de control del WAL fuera del hilo de peticiones', () => {
  it('el hilo copia el WAL a la base sin que la conexión que escribe lo haga', async () => {
    const { file, sqlite, close } = await base();
    const puntos = startCheckpointer(sqlite, file);
    const tamano = () => fs.statSync(file).size;
    const antes = tamano();
    escribir(sqlite, 400); // ~50 pages: far from the writer's own threshold
    expect(tamano()).toBe(antes);
    puntos.escrito();
    // The writer now checkpoints only far past SQLite's default (1000 pages), as a fallback.
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(8192);
    await vi.waitFor(() => expect(tamano()).toBeGreaterThan(antes), ESPERA);
    expect(sqlite.prepare('select count(*) from prueba').pluck().get()).toBe(400);
    // Closing: the thread's connection first, so the writer's is the last one and removes the WAL.
    puntos.close();
    close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('si el hilo no puede abrir la base, la conexión vuelve a hacer sus puntos de control (1000 páginas)', async () => {
    const { sqlite, close } = await base();
    const puntos = startCheckpointer(sqlite, path.join(carpetaTemporal(), 'no-existe.sqlite'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      puntos.escrito();
      await vi.waitFor(() => expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000), ESPERA);
      expect(String(error.mock.calls[0]?.[0])).toContain('puntos de control');
    } finally {
      error.mockRestore();
    }
    puntos.escrito(); // no second thread after a failure
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const t = Date.now();
    puntos.close();
    expect(Date.now() - t).toBeLessThan(4000); // nothing to wait for
    close();
  });

  it('el núcleo escribe, cierra y reabre con los datos íntegros y sin WAL', async () => {
    const p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    for (let i = 0; i < 5; i++) await llamar(p.core, 'catalogos.dependencias.guardar', { clave: `PRB${i}`, nombre: `Dependencia de prueba ${i}` }, admin);
    await new Promise((r) => setTimeout(r, 400)); // a checkpoint may be running when it closes
    p.cerrar();
    expect(fs.existsSync(path.join(p.dataDir, `${ARCHIVO_BASE}-wal`))).toBe(false);
    const q = await crearPrueba(p.dataDir);
    const s = await llamar(q.core, 'usuarios.iniciarSesion', { usuario: 'admin', contrasena: CONTRASENA });
    const deps = await llamar(q.core, 'catalogos.dependencias.listar', {}, s.token);
    expect(deps.filter((d) => d.clave.startsWith('PRB'))).toHaveLength(5);
    q.cerrar();
  });
});
