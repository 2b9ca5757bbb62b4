import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection';
import { ARCHIVO_BASE } from '../../electron/core/app';
import { carpetaTemporal, crearPrueba, iniciarComoAdmin, llamar } from './ayuda';

const MIGRACIONES = path.resolve('db/migrations');
const journal = JSON.parse(fs.readFileSync(path.join(MIGRACIONES, 'meta/_journal.json'), 'utf8'));

/** A copy of the migrations folder that stops after the first `n` migrations: the app as it was then. */
function migracionesHasta(n: number): string {
  const dir = carpetaTemporal('sse-mig-');
  fs.mkdirSync(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, n);
  for (const e of entries) fs.copyFileSync(path.join(MIGRACIONES, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

describe('base de datos', () => {
  it('aplica los pragmas de DESIGN §4 y pasa quick_check', async () => {
    const dir = carpetaTemporal();
    const c = await openDatabase({ file: path.join(dir, 'x.sqlite'), migrationsDir: MIGRACIONES });
    expect(c.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(c.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(c.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    c.close();
  });

  it('rechaza un archivo que no es SQLite y lo deja intacto', async () => {
    const dir = carpetaTemporal();
    const file = path.join(dir, ARCHIVO_BASE);
    fs.writeFileSync(file, 'Esto es una hoja de cálculo, no una base de datos.\n'.repeat(50));
    const antes = fs.readFileSync(file);
    await expect(openDatabase({ file, migrationsDir: MIGRACIONES })).rejects.toMatchObject({
      code: 'BASE_DE_DATOS',
      message: expect.stringContaining('no es una base de datos del Sistema de Seguimiento'),
    });
    expect(fs.readFileSync(file).equals(antes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('rechaza una base creada por una versión más reciente y la deja intacta', async () => {
    const dir = carpetaTemporal();
    const file = path.join(dir, ARCHIVO_BASE);
    (await openDatabase({ file, migrationsDir: MIGRACIONES })).close();
    const raw = new Database(file);
    raw.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('futura', 9_999_999_999_999);
    raw.close();
    const antes = fs.readFileSync(file);
    await expect(openDatabase({ file, migrationsDir: MIGRACIONES })).rejects.toMatchObject({
      code: 'BASE_DE_DATOS',
      message: expect.stringContaining('versión más reciente'),
    });
    expect(fs.readFileSync(file).equals(antes)).toBe(true);
  });

  it.each(journal.entries.map((_: unknown, i: number) => i + 1) as number[])(
    'actualiza sin perder datos una base creada con las primeras %i migraciones',
    async (n: number) => {
      const dir = carpetaTemporal();
      const file = path.join(dir, ARCHIVO_BASE);
      const vieja = await openDatabase({ file, migrationsDir: migracionesHasta(n) });
      vieja.sqlite
        .prepare("insert into dependencias (id, clave, nombre, creado, actualizado) values ('dep-1', 'VIEJA', 'Dependencia de antes', 1, 1)")
        .run();
      vieja.close();
      const nueva = await openDatabase({ file, migrationsDir: MIGRACIONES, now: () => 42 });
      expect(nueva.sqlite.prepare("select nombre from dependencias where id = 'dep-1'").get()).toEqual({ nombre: 'Dependencia de antes' });
      expect(nueva.sqlite.pragma('foreign_key_check')).toEqual([]);
      const pendientes = journal.entries.length - n;
      expect(nueva.respaldo !== null).toBe(pendientes > 0);
      if (nueva.respaldo) expect(new Database(nueva.respaldo, { readonly: true }).prepare("select count(*) n from dependencias").get()).toEqual({ n: 1 });
      nueva.close();
    },
  );

  it('matar el proceso a mitad de escrituras no pierde lo confirmado y deja una base íntegra', async () => {
    const p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    await llamar(p.core, 'usuarios.listar', {}, admin);
    p.cerrar();
    const archivo = path.join(p.dataDir, ARCHIVO_BASE);
    const tamanoInicial = fs.statSync(archivo).size;
    const hijo = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/escritor.ts', p.dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let confirmadas = 0;
    let tamanoAlMatar = 0;
    await new Promise<void>((resolve) => {
      hijo.stdout.on('data', (chunk: Buffer) => {
        const ultimas = chunk.toString().trim().split('\n');
        confirmadas = Number(ultimas[ultimas.length - 1]);
        // Past the first WAL checkpoints of the checkpoint thread (a quarter of a second after writing).
        if (confirmadas >= 150) {
          tamanoAlMatar = fs.statSync(archivo).size;
          hijo.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => hijo.on('exit', r));
    // The thread had already copied part of the WAL into the file: the kill hit it mid-work.
    expect(tamanoAlMatar).toBeGreaterThan(tamanoInicial);
    const raw = new Database(archivo);
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok');
    const n = (raw.prepare("select count(*) n from dependencias where clave like 'K%'").get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(confirmadas);
    raw.close();
    const reabierta = await crearPrueba(p.dataDir);
    const s = (await llamar(reabierta.core, 'usuarios.iniciarSesion', { usuario: 'admin', contrasena: 'contrasena-segura-1' })).token;
    expect((await llamar(reabierta.core, 'bitacora.verificar', {}, s)).integra).toBe(true);
    reabierta.cerrar();
  });
});
