/**
 * Faults around backups: writers working during the copy, a backup killed midway, the command-line
 * tools (success, failure, a data directory held by a running server), and anexos of rolled-back writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { carpetaTemporal, crearUsuarioYEntrar, fallar, iniciarComoAdmin, crearPrueba, llamar, procesoHijo } from '../ayuda';
import { escenario, datosAsunto, pdfMinimo } from '../correspondencia/apoyo';
import { crearRespaldo, listarRespaldos, restaurarDatos, verificarRespaldo } from '../../../electron/core/modules/respaldo/service';
import { ARCHIVO_BASE } from '../../../electron/core/app';

const raiz = process.cwd();

function cli(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { codigo: r.status, salida: r.stdout.trim(), errores: r.stderr.trim() };
}

function contar(dataDir: string, tabla: string): number {
  const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
  try {
    return db.prepare(`select count(*) from ${tabla}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('respaldo ante fallas', () => {
  it('respaldo mientras tres procesos registran asuntos: la copia es consistente y su bitácora verifica', async () => {
    const e = await escenario();
    const dataDir = e.p.dataDir;
    e.p.cerrar();
    const hijos = ['A', 'B', 'C'].map((n) => procesoHijo('tests/fixtures/registrador.ts', [dataDir, n, '50']));
    await Promise.all(hijos.map((h) => h.esperar('preparado')));
    for (const h of hijos) h.proc.stdin.write('go\n');
    await new Promise((r) => setTimeout(r, 400)); // they are writing
    const destino = carpetaTemporal('sse-destino-');
    const r = await crearRespaldo({ dataDir, destino, appRoot: raiz });
    const enCurso = contar(dataDir, 'asuntos');
    await Promise.all(hijos.map((h) => h.esperar('listo')));

    const v = await verificarRespaldo(r.ruta, raiz);
    expect(v.problemas).toEqual([]);
    expect(r.manifiesto.bitacora.integra).toBe(true);
    const copia = new Database(path.join(r.ruta, 'seguimiento.sqlite'), { readonly: true });
    const asuntos = copia.prepare('select count(*) from asuntos').pluck().get() as number;
    // One snapshot: every asunto in the copy has its bitácora entry and its folio counter agrees.
    const sinBitacora = copia.prepare("select count(*) from asuntos a where not exists (select 1 from bitacora b where b.entidad_id = a.id)").pluck().get();
    copia.close();
    expect(asuntos).toBe(r.manifiesto.conteos.asuntos);
    expect(sinBitacora).toBe(0);
    expect(asuntos).toBeLessThanOrEqual(enCurso);
    expect(contar(dataDir, 'asuntos')).toBe(150);
  }, 180_000);

  it('kill -9 a la mitad de un respaldo: los datos intactos, ningún respaldo a medias listado; el siguiente limpia', async () => {
    const e = await escenario();
    await llamar(e.p.core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: 'a.pdf', contenidoBase64: pdfMinimo().toString('base64') }] }, e.cap);
    const destino = carpetaTemporal('sse-destino-');
    const h = procesoHijo('tests/fixtures/respaldo-interrumpido.ts', [e.p.dataDir, destino]);
    await h.esperar('a medias');
    h.proc.kill('SIGKILL');
    await new Promise((r) => h.proc.once('exit', r));
    expect(fs.readdirSync(destino).some((n) => n.startsWith('.parcial-'))).toBe(true);
    expect(listarRespaldos(destino)).toEqual([]);
    // The live data never noticed.
    expect((await llamar(e.p.core, 'correspondencia.bandeja', {}, e.cap)).total).toBe(1);
    const r = await crearRespaldo({ dataDir: e.p.dataDir, destino, appRoot: raiz });
    expect(fs.readdirSync(destino)).toEqual([r.nombre]);
    e.p.cerrar();
  }, 60_000);

  it('línea de comandos: respaldo con la app abierta imprime la ruta; restaurar se niega mientras la app tiene la carpeta y funciona al cerrarla', async () => {
    const e = await escenario();
    await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const destino = carpetaTemporal('sse-destino-');
    const r = cli('respaldo', ['--data-dir', e.p.dataDir, '--destino', destino]);
    expect(r.codigo, r.errores).toBe(0);
    const ruta = r.salida.split('\n').at(-1)!;
    expect(path.dirname(ruta)).toBe(destino);
    expect((await verificarRespaldo(ruta, raiz)).valido).toBe(true);

    const falta = cli('respaldo', ['--data-dir', e.p.dataDir, '--destino', path.join(destino, 'no', 'existe')]);
    expect(falta.codigo).not.toBe(0);
    expect(falta.errores).toMatch(/no existe o no está conectada/);

    await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const negado = cli('restaurar', ['--data-dir', e.p.dataDir, '--desde', ruta]);
    expect(negado.codigo).not.toBe(0);
    expect(negado.errores).toMatch(/está en uso por la aplicación/);
    expect(contar(e.p.dataDir, 'asuntos')).toBe(2);

    e.p.cerrar();
    const ok = cli('restaurar', ['--data-dir', e.p.dataDir, '--desde', ruta]);
    expect(ok.codigo, ok.errores).toBe(0);
    expect(ok.salida).toMatch(/bitácora verificada/);
    expect(contar(e.p.dataDir, 'asuntos')).toBe(1);
    const p = await crearPrueba(e.p.dataDir);
    const admin = (await llamar(p.core, 'usuarios.iniciarSesion', { usuario: 'admin', contrasena: 'contrasena-segura-1' })).token;
    expect((await llamar(p.core, 'bitacora.verificar', {}, admin)).integra).toBe(true);
    p.cerrar();

    const sinRespaldo = cli('restaurar', ['--data-dir', e.p.dataDir, '--desde', path.join(destino, 'nada')]);
    expect(sinRespaldo.codigo).not.toBe(0);
    expect(sinRespaldo.errores).toMatch(/No existe el respaldo/);
  }, 180_000);
});

/** A small tmpfs (a full USB drive, a read-only one); null where this machine may not mount (not root). */
function montar(opciones: string): { dir: string; desmontar(): void } | null {
  const dir = carpetaTemporal('sse-montaje-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', opciones, 'tmpfs', dir], { stdio: 'ignore' });
    return { dir, desmontar: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
  } catch {
    console.log(`No se pudo montar un tmpfs (${opciones}) en este equipo (requiere root): se omite este caso de destino.`);
    return null;
  }
}

describe('destino lleno o de solo lectura; datos dañados', () => {
  it('destino lleno: mensaje claro y nada a medias; de solo lectura: mensaje claro', async () => {
    const e = await escenario();
    for (let i = 0; i < 3; i++) {
      await llamar(e.p.core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: 'a.pdf', contenidoBase64: Buffer.concat([pdfMinimo(String(i)), Buffer.alloc(200_000, i)]).toString('base64') }] }, e.cap);
    }
    const lleno = montar('size=400k');
    if (lleno) {
      try {
        await expect(crearRespaldo({ dataDir: e.p.dataDir, destino: lleno.dir, appRoot: raiz })).rejects.toThrow(/se llenó/);
        expect(fs.readdirSync(lleno.dir)).toEqual([]);
      } finally {
        lleno.desmontar();
      }
    }
    const ro = montar('size=1m,ro');
    if (ro) {
      try {
        await expect(crearRespaldo({ dataDir: e.p.dataDir, destino: ro.dir, appRoot: raiz })).rejects.toThrow(/No se puede escribir/);
      } finally {
        ro.desmontar();
      }
    }
    e.p.cerrar();
  });

  it('restaurar sobre una base dañada: la dañada se guarda tal cual y los datos vuelven', async () => {
    const e = await escenario();
    await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const r = await crearRespaldo({ dataDir: e.p.dataDir, destino: carpetaTemporal('sse-destino-'), appRoot: raiz });
    e.p.cerrar();
    fs.writeFileSync(path.join(e.p.dataDir, ARCHIVO_BASE), Buffer.alloc(8192, 7)); // not SQLite any more
    const hecho = await restaurarDatos({ dataDir: e.p.dataDir, desde: r.ruta, appRoot: raiz });
    expect(hecho.seguridad).toMatch(/danada-/);
    expect(fs.readFileSync(path.join(hecho.seguridad!, ARCHIVO_BASE))[0]).toBe(7);
    expect(hecho.bitacora.integra).toBe(true);
    expect(contar(e.p.dataDir, 'asuntos')).toBe(1);
  });
});

describe('anexos duraderos', () => {
  it('una escritura rechazada (trimestre cerrado) no deja su archivo; una aceptada sí', async () => {
    const p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const coord = await crearUsuarioYEntrar(p.core, admin, 'coordina', 'coordinador');
    const unidad = (await llamar(p.core, 'catalogos.unidades.listar', {}, admin))[0].id;
    const m = await llamar(p.core, 'poa.crearMeta', { anio: 2026, descripcion: 'Giras', unidadId: unidad, unidadMedida: 'Gira', tipo: 'acumulable', periodicidad: 'trimestral', programado: [1, 1, 1, 1] }, coord);
    await llamar(p.core, 'poa.cerrarTrimestre', { anio: 2026, trimestre: 1 }, coord);
    const archivos = () => (fs.existsSync(path.join(p.dataDir, 'archivos')) ? fs.readdirSync(path.join(p.dataDir, 'archivos'), { recursive: true }).filter((f) => String(f).length > 3) : []);
    const evidencia = (t: string) => ({ nombre: 'e.pdf', contenidoBase64: pdfMinimo(t).toString('base64') });
    await fallar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 1, evidencia: evidencia('cerrado') }, coord);
    expect(archivos()).toEqual([]);
    await fallar(p.core, 'poa.capturar', { metaId: m.id, periodo: 2, version: 7, alcanzado: 1, evidencia: evidencia('vieja') }, coord);
    expect(archivos()).toEqual([]);
    await llamar(p.core, 'poa.capturar', { metaId: m.id, periodo: 2, version: 0, alcanzado: 1, evidencia: evidencia('buena') }, coord);
    expect(archivos()).toHaveLength(1);
    expect(fs.readdirSync(path.join(p.dataDir, 'archivos'), { recursive: true }).some((f) => String(f).endsWith('.tmp'))).toBe(false);
    p.cerrar();
  });
});
