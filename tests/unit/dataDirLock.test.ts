import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, lockHolder, LOCK_FILE } from '../../electron/core/dataDirLock';
import { createCore } from '../../electron/core/app';

const dirs: string[] = [];
function carpeta(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('un escritor por carpeta de datos', () => {
  it('el segundo es rechazado con un mensaje que nombra al que la tiene', () => {
    const d = carpeta();
    const l = acquireDataDirLock(d, 'el servidor de la oficina');
    expect(() => acquireDataDirLock(d, 'una importación')).toThrow(/en uso por el servidor de la oficina \(proceso \d+ en el equipo/);
    expect(lockHolder(d)?.pid).toBe(process.pid);
    l.release();
    expect(fs.existsSync(path.join(d, LOCK_FILE))).toBe(false);
    acquireDataDirLock(d, 'una importación').release();
  });

  it('un candado de un proceso que ya no existe se reconoce como abandonado y se toma', () => {
    const d = carpeta();
    fs.writeFileSync(path.join(d, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: os.hostname(), rol: 'la aplicación', inicio: 1 }));
    expect(lockHolder(d)).toBeNull();
    const l = acquireDataDirLock(d, 'la aplicación');
    expect(lockHolder(d)?.pid).toBe(process.pid);
    l.release();
  });

  it('de otro equipo: vale mientras late; sin latido por más de 90 s queda abandonado', () => {
    const d = carpeta();
    const f = path.join(d, LOCK_FILE);
    fs.writeFileSync(f, JSON.stringify({ pid: 1, host: 'otro-equipo', rol: 'la aplicación', inicio: Date.now() }));
    expect(() => acquireDataDirLock(d, 'la aplicación')).toThrow(/otro-equipo/);
    const viejo = new Date(Date.now() - 120_000);
    fs.utimesSync(f, viejo, viejo);
    acquireDataDirLock(d, 'la aplicación').release();
  });

  it('un archivo de candado ilegible no bloquea para siempre', () => {
    const d = carpeta();
    fs.writeFileSync(path.join(d, LOCK_FILE), '{medio escr');
    acquireDataDirLock(d, 'la aplicación').release();
  });

  it('createCore toma la carpeta y la suelta al cerrar; un segundo núcleo es rechazado sin tocar la base', async () => {
    const d = carpeta();
    const core = await createCore({ dataDir: d });
    await expect(createCore({ dataDir: d, rolProceso: 'el servidor de la oficina' })).rejects.toMatchObject({ code: 'CARPETA_EN_USO' });
    core.close();
    expect(lockHolder(d)).toBeNull();
    (await createCore({ dataDir: d })).close();
  });
});
