/**
 * Backups and restore through the core and the module's plain functions: complete and self-checking,
 * tampering detected, refusals leave the data untouched, restore replaces the data under a running core.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carpetaTemporal, fallar, llamar } from '../ayuda';
import { escenario, datosAsunto, pdfMinimo, type Escenario } from '../correspondencia/apoyo';
import { crearRespaldo, listarRespaldos, restaurarDatos, verificarRespaldo } from '../../../electron/core/modules/respaldo/service';
import { aConservar } from '../../../electron/core/modules/respaldo/rotacion';
import { iniciarProgramador } from '../../../electron/core/modules/respaldo/programador';
import { contarFilas, leerManifiesto, sellar, type Manifiesto } from '../../../electron/core/modules/respaldo/manifiesto';
import { ARCHIVO_BASE } from '../../../electron/core/app';

const raiz = process.cwd();
const b64 = (b: Buffer) => b.toString('base64');
let e: Escenario;
let destino: string;

async function registrar(n: number, conAnexo = true): Promise<void> {
  for (let i = 0; i < n; i++) {
    const anexos = conAnexo ? [{ nombre: `oficio-${i}.pdf`, contenidoBase64: b64(pdfMinimo(`Oficio ${i} ${Math.random()}`)) }] : [];
    await llamar(e.p.core, 'correspondencia.registrar', { ...datosAsunto({ asunto: `Asunto número ${i} para respaldar` }), anexos }, e.cap);
  }
}

function conteosDe(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
  try {
    return contarFilas(db);
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  e = await escenario();
  destino = carpetaTemporal('sse-destino-');
  await llamar(e.p.core, 'respaldo.guardarAjustes', { destino, hora: '21:00', diarios: 7, semanales: 4, mensuales: 12, version: 0 }, e.admin);
});
afterEach(() => e.p.cerrar());

describe('respaldo', { timeout: 120_000 }, () => {
  it('Respaldar ahora: copia completa con manifiesto, progreso, verificada, en la lista', async () => {
    await registrar(3);
    const avances: number[] = [];
    const quitar = e.p.core.on('progreso', (p) => p.tarea === 't1' && avances.push(p.fraccion));
    const r = await llamar(e.p.core, 'respaldo.respaldar', { tarea: 't1' }, e.admin);
    quitar();
    expect(avances.at(-1)).toBe(1);
    expect(r).toMatchObject({ verificado: true, anexos: 3, version: '0.1.0', motivo: 'manual', bitacoraIntegra: true });
    expect(r.conteos.asuntos).toBe(3);
    const m = leerManifiesto(path.join(r.ruta, 'manifiesto.json'))!;
    expect(m.base.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.migracion.ultima).toMatch(/^\d{4}_/);
    expect(m.bitacora.hashFinal).toMatch(/^[0-9a-f]{64}$/);
    expect(m.archivos.every((a) => fs.existsSync(path.join(r.ruta, 'archivos', a.sha256.slice(0, 2), a.sha256)))).toBe(true);
    // The copy has exactly the live counts (nobody wrote meanwhile), as a plain (non-WAL) file.
    expect(m.conteos).toEqual(conteosDe(e.p.dataDir));
    expect(fs.readdirSync(r.ruta).sort()).toEqual(['archivos', 'manifiesto.json', 'seguimiento.sqlite']);

    const estado = await llamar(e.p.core, 'respaldo.estado', {}, e.admin);
    expect(estado.respaldos.map((x) => x.nombre)).toEqual([r.nombre]);
    expect(estado).toMatchObject({ destinoEfectivo: destino, aviso: null, ultimo: r.creado });
    expect((await llamar(e.p.core, 'respaldo.verificar', { ruta: r.ruta }, e.admin)).valido).toBe(true);
    expect((await fallar(e.p.core, 'respaldo.respaldar', { tarea: 'x' }, e.cap)).code).toBe('PROHIBIDO');
  });

  it('un segundo respaldo en el mismo destino reutiliza los anexos ya copiados (enlace, no copia)', async () => {
    await registrar(2);
    const a = await llamar(e.p.core, 'respaldo.respaldar', { tarea: 'a' }, e.admin);
    const ruta = (r: string, sha: string) => path.join(r, 'archivos', sha.slice(0, 2), sha);
    const inodos = leerManifiesto(path.join(a.ruta, 'manifiesto.json'))!.archivos.map((x) => [x.sha256, fs.statSync(ruta(a.ruta, x.sha256)).ino] as const);
    e.p.reloj.avanzar(60_000);
    await registrar(1);
    const b = await llamar(e.p.core, 'respaldo.respaldar', { tarea: 'b' }, e.admin);
    expect(b.anexos).toBe(3);
    for (const [sha, ino] of inodos) expect(fs.statSync(ruta(b.ruta, sha)).ino).toBe(ino);
    // Same day: rotation keeps the newest of the day only.
    expect((await llamar(e.p.core, 'respaldo.estado', {}, e.admin)).respaldos.map((x) => x.nombre)).toEqual([b.nombre]);
  });

  it('un byte cambiado en la copia o en un anexo, o el manifiesto editado a mano: Verificar lo detecta y Restaurar lo rechaza', async () => {
    await registrar(2);
    const original = await llamar(e.p.core, 'respaldo.respaldar', { tarea: 'a' }, e.admin);
    const copiar = (sufijo: string) => {
      const ruta = `${original.ruta}-${sufijo}`;
      fs.cpSync(original.ruta, ruta, { recursive: true });
      return ruta;
    };
    const voltear = (file: string, pos: number) => {
      const b = fs.readFileSync(file);
      b[pos] ^= 0x01;
      fs.writeFileSync(file, b);
    };
    const enBase = copiar('base');
    voltear(path.join(enBase, 'seguimiento.sqlite'), 5000);
    const m = leerManifiesto(path.join(original.ruta, 'manifiesto.json'))!;
    const enAnexo = copiar('anexo');
    voltear(path.join(enAnexo, 'archivos', m.archivos[0].sha256.slice(0, 2), m.archivos[0].sha256), 10);
    const editado = copiar('manifiesto');
    fs.writeFileSync(path.join(editado, 'manifiesto.json'), JSON.stringify({ ...m, conteos: { ...m.conteos, asuntos: 99 } }));
    const resellado = copiar('resellado'); // edited and re-sealed by hand: the recount still catches it
    fs.writeFileSync(path.join(resellado, 'manifiesto.json'), JSON.stringify(sellar({ ...m, conteos: { ...m.conteos, asuntos: 99 }, sello: undefined } as unknown as Omit<Manifiesto, 'sello'>)));
    const incompleto = copiar('incompleto');
    fs.rmSync(path.join(incompleto, 'manifiesto.json'));

    const casos: [string, RegExp][] = [
      [enBase, /base de datos fue alterada/],
      [enAnexo, /anexo .* fue alterado/],
      [editado, /manifiesto fue modificado/],
      [resellado, /conteos de asuntos no coinciden/],
      [incompleto, /incompleto/],
    ];
    const antes = conteosDe(e.p.dataDir);
    for (const [ruta, motivo] of casos) {
      const v = await llamar(e.p.core, 'respaldo.verificar', { ruta }, e.admin);
      expect(v.valido, ruta).toBe(false);
      expect(v.problemas.join(' ')).toMatch(motivo);
      const x = await llamar(e.p.core, 'respaldo.examinar', { ruta }, e.admin);
      expect(x.restaurable).toBe(false);
      const err = await fallar(e.p.core, 'respaldo.restaurar', { ruta, confirmacion: path.basename(ruta), tarea: 'r' }, e.admin);
      expect(err.code).toBe('RESPALDO');
      expect(err.message).toContain('Los datos actuales no se tocaron');
    }
    expect(conteosDe(e.p.dataDir)).toEqual(antes);
    // Verificar records its result: the list shows the bad one as not verified.
    fs.renameSync(enAnexo, path.join(destino, 'respaldo-20261120-000000'));
    const lista = (await llamar(e.p.core, 'respaldo.estado', {}, e.admin)).respaldos;
    expect(lista.find((r) => r.nombre === 'respaldo-20261120-000000')).toMatchObject({ verificado: false });
  });

  it('Restaurar dentro de la app: respaldo de seguridad, datos reemplazados, sesiones cerradas, bitácora de los datos restaurados', async () => {
    await registrar(2);
    const r = await llamar(e.p.core, 'respaldo.respaldar', { tarea: 'a' }, e.admin);
    const conteos = conteosDe(e.p.dataDir);
    e.p.reloj.avanzar(60_000);
    await registrar(3); // after the backup: these disappear on restore (kept in the safety backup)

    const examen = await llamar(e.p.core, 'respaldo.examinar', { ruta: r.ruta }, e.admin);
    expect(examen).toMatchObject({ restaurable: true, motivo: null, respaldo: { nombre: r.nombre, conteos: { asuntos: 2 } } });
    expect((await fallar(e.p.core, 'respaldo.restaurar', { ruta: r.ruta, confirmacion: 'otro', tarea: 'r' }, e.admin)).message).toContain(r.nombre);
    expect((await fallar(e.p.core, 'respaldo.restaurar', { ruta: r.ruta, confirmacion: r.nombre, tarea: 'r' }, e.jefe)).code).toBe('PROHIBIDO');

    const hecho = await llamar(e.p.core, 'respaldo.restaurar', { ruta: r.ruta, confirmacion: r.nombre, tarea: 'r' }, e.admin);
    expect(hecho.bitacoraIntegra).toBe(true);
    expect(hecho.seguridad).toContain(path.join('respaldos', 'antes-de-restaurar'));
    expect(listarRespaldos(path.dirname(hecho.seguridad!))[0].manifiesto.conteos.asuntos).toBe(5);

    // Every session ended; the restored data is what the backup held plus the restore's own bitácora entry.
    expect((await fallar(e.p.core, 'correspondencia.bandeja', {}, e.cap)).code).toBe('NO_AUTENTICADO');
    const ahora = conteosDe(e.p.dataDir);
    // Sessions are never restored: the backup's sign-ins may not act on the restored data.
    expect(ahora.sesiones).toBe(0);
    expect({ ...ahora, bitacora: ahora.bitacora - 1, sesiones: conteos.sesiones }).toEqual(conteos);
    const admin = (await llamar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'admin', contrasena: 'contrasena-segura-1' })).token;
    const bit = await llamar(e.p.core, 'bitacora.verificar', {}, admin);
    expect(bit.integra).toBe(true);
    const db = new Database(path.join(e.p.dataDir, ARCHIVO_BASE), { readonly: true });
    const ultima = db.prepare("select metodo, usuario, entidad_id from bitacora where entidad = 'respaldo'").get();
    db.close();
    expect(ultima).toEqual({ metodo: 'respaldo.restaurar', usuario: 'admin', entidad_id: r.nombre });
    // The anexos are there and readable.
    expect(fs.readdirSync(path.join(e.p.dataDir, 'archivos')).length).toBeGreaterThan(0);
  });

  it('un respaldo de un esquema más reciente se rechaza con mensaje claro y los datos no cambian', async () => {
    const r = await llamar(e.p.core, 'respaldo.respaldar', { tarea: 'a' }, e.admin);
    // Data of a newer version: its schema has a migration this build does not know.
    const otra = carpetaTemporal('sse-futura-');
    fs.copyFileSync(path.join(r.ruta, 'seguimiento.sqlite'), path.join(otra, 'seguimiento.sqlite'));
    const db = new Database(path.join(otra, 'seguimiento.sqlite'));
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('futura', 4102444800000);
    db.close();
    const nuevo = await crearRespaldo({ dataDir: otra, destino: carpetaTemporal(), appRoot: raiz });
    expect((await verificarRespaldo(nuevo.ruta, raiz)).masReciente).toBe(true);
    const antes = conteosDe(e.p.dataDir);
    const x = await fallar(e.p.core, 'respaldo.restaurar', { ruta: nuevo.ruta, confirmacion: nuevo.nombre, tarea: 'r' }, e.admin);
    expect(x).toMatchObject({ code: 'RESPALDO' });
    expect(x.message).toMatch(/versión más reciente del sistema.*Actualice la aplicación/);
    expect(conteosDe(e.p.dataDir)).toEqual(antes);
    await expect(restaurarDatos({ dataDir: e.p.dataDir, desde: nuevo.ruta, appRoot: raiz })).rejects.toThrow(/versión más reciente/);
  });

  it('destino inexistente, de solo lectura o la carpeta de datos misma: mensaje claro, nada listado', async () => {
    const falta = path.join(destino, 'no-existe', 'respaldos');
    await expect(crearRespaldo({ dataDir: e.p.dataDir, destino: falta, appRoot: raiz })).rejects.toThrow(/no existe o no está conectada/);
    await expect(crearRespaldo({ dataDir: e.p.dataDir, destino: e.p.dataDir, appRoot: raiz })).rejects.toThrow(/no puede ser la carpeta de datos/);
    const soloLectura = carpetaTemporal('sse-ro-');
    fs.chmodSync(soloLectura, 0o555);
    try {
      if (process.getuid?.() === 0) {
        console.log('Prueba de solo lectura limitada: como root los permisos no impiden escribir.');
      } else {
        await expect(crearRespaldo({ dataDir: e.p.dataDir, destino: soloLectura, appRoot: raiz })).rejects.toThrow(/No se puede escribir/);
      }
    } finally {
      fs.chmodSync(soloLectura, 0o755);
    }
    expect(listarRespaldos(falta)).toEqual([]);
  });

  it('automático: una vez al día después de la hora fijada; al cerrar, solo si el último tiene más de 24 h', async () => {
    await llamar(e.p.core, 'respaldo.guardarAjustes', { destino, hora: '11:00', diarios: 7, semanales: 4, mensuales: 12, version: 1 }, e.admin);
    const reloj = e.p.reloj; // 10:00 in Hermosillo
    const avisos: string[] = [];
    const prog = iniciarProgramador({ dataDir: e.p.dataDir, appRoot: raiz, ahora: () => reloj.ahora, intervaloMs: 3_600_000, registro: (m) => avisos.push(m) });
    try {
      expect(await prog.revisar()).toBeNull(); // before the hour
      reloj.avanzar(90 * 60_000); // 11:30
      const hecho = await prog.revisar();
      expect(hecho).toContain(destino);
      expect(await prog.revisar()).toBeNull(); // once a day
      await prog.alCerrar();
      expect(listarRespaldos(destino)).toHaveLength(1); // the last one is recent
      reloj.avanzar(25 * 3_600_000);
      await prog.alCerrar();
      const lista = listarRespaldos(destino);
      expect(lista).toHaveLength(2);
      expect(lista.map((r) => r.manifiesto.motivo)).toEqual(['automatico', 'automatico']);
      expect(avisos.every((a) => a.startsWith('respaldo automático en'))).toBe(true);
      // The tablero warning after 48 h without a backup.
      reloj.avanzar(49 * 3_600_000);
      const admin = (await llamar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'admin', contrasena: 'contrasena-segura-1' })).token;
      expect((await llamar(e.p.core, 'respaldo.aviso', {}, admin)).aviso).toMatch(/hace 2 días/);
    } finally {
      prog.detener();
    }
  });

  it('rotación: 7 diarios, 4 semanales y 12 mensuales, y siempre el más reciente', () => {
    const DIA = 86_400_000;
    const hoy = Date.UTC(2026, 10, 20, 4, 0); // 21:00 del 19/11 en Hermosillo
    const respaldos = Array.from({ length: 400 }, (_, i) => ({ nombre: `r${i}`, creado: hoy - i * DIA }));
    const quedan = aConservar(respaldos, { diarios: 7, semanales: 4, mensuales: 12 });
    const dias = [...quedan].map((n) => Number(n.slice(1))).sort((a, b) => a - b);
    expect(dias.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(quedan.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(quedan.size).toBeGreaterThanOrEqual(12 + 7);
    expect(Math.max(...dias)).toBeGreaterThan(300); // the oldest monthly reaches back about a year
    expect(aConservar(respaldos, { diarios: 1, semanales: 0, mensuales: 0 })).toEqual(new Set(['r0']));
  });
});
