/** Data rules every module shares (issue #12): invisible text is empty, Spanish field names, Spanish damage reports. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { ARCHIVO_BASE } from '../../electron/core/app';
import { aError } from '../../electron/core/router';
import { carpetaTemporal, crearUsuarioYEntrar, fallar, llamar } from './ayuda';
import { datosAsunto, escenario, type Escenario } from './correspondencia/apoyo';

let e: Escenario;
beforeEach(async () => {
  e = await escenario();
});
afterEach(() => e.p.cerrar());

describe('texto que no se ve cuenta como vacío', () => {
  it.each([
    ['solo espacios', '   '],
    ['espacio de no separación', '\u00A0\u00A0'],
    ['espacios de ancho cero', '\u200B\u200C\u200D\u2060'],
    ['marca de orden de bytes y tabulador', '\uFEFF\t\u00A0'],
  ])('%s en un campo obligatorio se rechaza y no se guarda nada', async (_n, vacio) => {
    const antes = await llamar(e.p.core, 'correspondencia.bandeja', {}, e.jefe);
    const err = await fallar(e.p.core, 'correspondencia.registrar', datosAsunto({ asunto: vacio }), e.cap);
    expect(err.code).toBe('VALIDACION');
    expect(err.message).toMatch(/^Asunto es obligatorio/);
    expect((await llamar(e.p.core, 'correspondencia.bandeja', {}, e.jefe)).total).toBe(antes.total);
    const dep = await fallar(e.p.core, 'catalogos.dependencias.guardar', { clave: 'NUEVA', nombre: vacio, siglas: '', titular: '' }, e.admin);
    expect(dep.message).toBe('Nombre es obligatorio.');
  });

  it('los invisibles en los bordes se quitan; el texto de en medio queda como se escribió', async () => {
    const d = await llamar(e.p.core, 'catalogos.dependencias.guardar', { clave: 'NUEVA', nombre: '\u200B Secretaría\u00A0de Prueba\u00A0', siglas: '', titular: '' }, e.admin);
    expect(d.nombre).toBe('Secretaría\u00A0de Prueba');
  });
});

describe('los mensajes de validación no muestran nombres internos', () => {
  it('un campo que la persona llenó se nombra en español; uno interno pide recargar', async () => {
    const m = await llamar(e.p.core, 'catalogos.dependencias.listar', {}, e.admin);
    const version = await fallar(e.p.core, 'catalogos.dependencias.guardar', { ...m[0], version: 'uno' }, e.admin);
    expect(version.message).toBe('Los datos de la pantalla están incompletos o desactualizados; recárguela e intente de nuevo.');
    const hora = await fallar(e.p.core, 'correspondencia.registrar', { ...datosAsunto(), horaRecepcion: 930 }, e.cap);
    expect(hora.message).toMatch(/^Hora de recepción: /);
    const sobra = await fallar(e.p.core, 'tablero.resumen', { color: 'rojo' }, e.jefe);
    expect(sobra.message).toBe('La pantalla envió datos que esta operación no admite; recárguela e intente de nuevo.');
    for (const err of [version, hora, sobra]) {
      expect(err.message).not.toMatch(/Campo «|version|horaRecepcion|color|Llave/);
    }
  });
});

describe('plantilla del nombre de un tipo de gabinete', () => {
  it('solo acepta {ordinal} y {tema}, como las plantillas de folio solo aceptan las suyas', async () => {
    const base = { clave: 'GX', nombre: 'Gabinete de prueba', numeracion: 'por_tipo' as const };
    const err = await fallar(e.p.core, 'catalogos.tiposGabinete.guardar', { ...base, plantilla: '{ordinal} Reunión {sede}' }, e.admin);
    expect(err.message).toBe('La plantilla tiene un marcador desconocido «{sede}»; use {ordinal} o {tema}.');
    expect((await fallar(e.p.core, 'catalogos.tiposGabinete.guardar', { ...base, plantilla: '{ordinal Reunión' }, e.admin)).message).toBe('La plantilla tiene llaves sin cerrar.');
    const ok = await llamar(e.p.core, 'catalogos.tiposGabinete.guardar', { ...base, plantilla: '{ordinal} Reunión de Gabinete {tema}' }, e.admin);
    expect(ok.plantilla).toBe('{ordinal} Reunión de Gabinete {tema}');
  });
});

describe('meta del POA cancelada', () => {
  it('no se edita: la meta queda como se canceló', async () => {
    const coord = await crearUsuarioYEntrar(e.p.core, e.admin, 'coordina', 'coordinador');
    const unidadId = (await llamar(e.p.core, 'catalogos.unidades.listar', {}, e.admin))[0].id;
    const campos = { anio: 2026, descripcion: 'Reuniones realizadas', unidadId, unidadMedida: 'Reunión', tipo: 'acumulable' as const, periodicidad: 'trimestral' as const, programado: [1, 1, 1, 1] };
    const m = await llamar(e.p.core, 'poa.crearMeta', campos, coord);
    const c = await llamar(e.p.core, 'poa.cancelarMeta', { id: m.id, version: m.version, motivo: 'Duplicada' }, coord);
    const err = await fallar(e.p.core, 'poa.actualizarMeta', { ...campos, descripcion: 'Otra cosa', id: m.id, version: c.version, numero: 1 }, coord);
    expect(err).toMatchObject({ code: 'VALIDACION', message: 'La meta 1 está cancelada: ya no se edita (queda como se canceló).' });
    const tablero = await llamar(e.p.core, 'poa.tablero', { anio: 2026 }, coord);
    expect(tablero.metas.find((x) => x.id === m.id)).toMatchObject({ descripcion: 'Reuniones realizadas', cancelada: true });
  });
});

describe('base de datos dañada', () => {
  it('al abrir, un archivo con páginas dañadas se informa en español y no se modifica', async () => {
    const dir = carpetaTemporal();
    const file = path.join(dir, ARCHIVO_BASE);
    (await openDatabase({ file, migrationsDir: path.resolve('db/migrations') })).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, bytes.length - 4096); // pages 3.. of tables and indexes, header intact
    fs.writeFileSync(file, bytes);
    const err = await openDatabase({ file, migrationsDir: path.resolve('db/migrations') }).then(() => null, (x: unknown) => x as Error & { code: string });
    expect(err?.code).toBe('BASE_DE_DATOS');
    expect(err?.message).toMatch(/^La base de datos está dañada o no se puede leer/);
    expect(err?.message).not.toMatch(/malformed|disk image|btree|page/i);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('durante el uso, un error de SQLite por daño llega a la pantalla en español', () => {
    const registros: unknown[] = [];
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_SHORT_READ']) {
      const dano = Object.assign(new Error('database disk image is malformed'), { code });
      const info = aError(dano, (x) => registros.push(x));
      expect(info.code).toBe('BASE_DE_DATOS');
      expect(info.message).toMatch(/^La base de datos está dañada o no se puede leer; no se guardó nada/);
    }
    expect(registros).toHaveLength(3);
  });
});
