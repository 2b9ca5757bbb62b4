import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crearPrueba, llamar, fallar, iniciarComoAdmin, type Prueba } from './ayuda';
import { festivosOficiales, CalendarioLaboral } from '../../electron/core/modules/catalogos/calendario';

let p: Prueba;
let admin: string;
beforeEach(async () => {
  p = await crearPrueba();
  admin = await iniciarComoAdmin(p.core);
});
afterEach(() => p.cerrar());

describe('catálogos iniciales', () => {
  it('carga los 72 municipios de Sonora, dependencias, unidades y tipos de gabinete en el primer uso', async () => {
    const municipios = await llamar(p.core, 'catalogos.municipios.listar', {}, admin);
    expect(municipios).toHaveLength(72);
    expect(municipios.find((m) => m.clave === '26030')?.nombre).toBe('Hermosillo');
    expect((await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).map((d) => d.clave)).toContain('SEGOB');
    expect(await llamar(p.core, 'catalogos.unidades.listar', {}, admin)).toHaveLength(12);
    const tipos = await llamar(p.core, 'catalogos.tiposGabinete.listar', {}, admin);
    expect(tipos.find((t) => t.clave === 'GE')).toMatchObject({ numeracion: 'por_tema', plantilla: '{ordinal} Reunión de Gabinete {tema}' });
    const conocimiento = (await llamar(p.core, 'catalogos.instrucciones.listar', {}, admin)).find((i) => i.clave === 'CONOCIMIENTO');
    expect(conocimiento).toMatchObject({ requiereAtencion: false });
  });

  it('no vuelve a cargar los catálogos al reabrir (los cambios del administrador se conservan)', async () => {
    const segob = (await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).find((d) => d.clave === 'SEGOB')!;
    await llamar(p.core, 'catalogos.dependencias.cambiarActiva', { id: segob.id, version: segob.version, activa: false }, admin);
    p.cerrar();
    p = await crearPrueba(p.dataDir);
    const s = (await llamar(p.core, 'usuarios.iniciarSesion', { usuario: 'admin', contrasena: 'contrasena-segura-1' })).token;
    const todas = await llamar(p.core, 'catalogos.dependencias.listar', { incluirInactivas: true }, s);
    expect(todas.filter((d) => d.clave === 'SEGOB')).toHaveLength(1);
    expect(todas.find((d) => d.clave === 'SEGOB')!.activa).toBe(false);
  });
});

describe('dependencias', () => {
  it('crea, edita con control de versión, desactiva y elimina si nadie la usa', async () => {
    const nueva = await llamar(p.core, 'catalogos.dependencias.guardar', { clave: 'sedesson', nombre: 'Secretaría de Desarrollo Social', siglas: 'SEDESSON', titular: 'Titular X' }, admin);
    expect(nueva).toMatchObject({ clave: 'SEDESSON', activa: true, version: 0 });
    const editada = await llamar(p.core, 'catalogos.dependencias.guardar', { ...nueva, titular: 'Titular Y' }, admin);
    expect(editada.version).toBe(1);
    const conflicto = await fallar(p.core, 'catalogos.dependencias.guardar', { ...nueva, titular: 'Titular Z' }, admin);
    expect(conflicto.code).toBe('CONFLICTO');
    const inactiva = await llamar(p.core, 'catalogos.dependencias.cambiarActiva', { id: nueva.id, version: editada.version, activa: false }, admin);
    expect(inactiva.activa).toBe(false);
    expect((await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).map((d) => d.id)).not.toContain(nueva.id);
    await llamar(p.core, 'catalogos.dependencias.eliminar', { id: nueva.id }, admin);
    expect((await llamar(p.core, 'catalogos.dependencias.listar', { incluirInactivas: true }, admin)).map((d) => d.id)).not.toContain(nueva.id);
  });

  it('clave duplicada (sin importar mayúsculas): mensaje claro y nada cambia', async () => {
    const antes = await llamar(p.core, 'catalogos.dependencias.listar', { incluirInactivas: true }, admin);
    const e = await fallar(p.core, 'catalogos.dependencias.guardar', { clave: 'segob', nombre: 'Otra' }, admin);
    expect(e).toMatchObject({ code: 'DUPLICADO', message: 'Ya existe la dependencia con la clave «SEGOB».' });
    expect(await llamar(p.core, 'catalogos.dependencias.listar', { incluirInactivas: true }, admin)).toEqual(antes);
  });

  it('rechaza claves con espacios o texto malicioso', async () => {
    const e = await fallar(p.core, 'catalogos.dependencias.guardar', { clave: "X'; DROP TABLE dependencias;--", nombre: 'Y' }, admin);
    expect(e.code).toBe('VALIDACION');
    expect(e.message).toContain('clave');
  });
});

describe('días inhábiles', () => {
  it('calcula los festivos oficiales de cada año', () => {
    const f2024 = festivosOficiales(2024).map((d) => d.fecha);
    expect(f2024).toEqual(['2024-01-01', '2024-02-05', '2024-03-18', '2024-05-01', '2024-09-16', '2024-10-01', '2024-11-18', '2024-12-25']);
    expect(festivosOficiales(2026).map((d) => d.fecha)).toEqual(['2026-01-01', '2026-02-02', '2026-03-16', '2026-05-01', '2026-09-16', '2026-11-16', '2026-12-25']);
    expect(festivosOficiales(2030).map((d) => d.fecha)).toContain('2030-10-01');
  });

  it('los días propios de la oficina cuentan como inhábiles en el calendario', async () => {
    await llamar(p.core, 'catalogos.diasInhabiles.guardar', { fecha: '2026-12-24', descripcion: 'Nochebuena (acuerdo interno)' }, admin);
    const cal = await llamar(p.core, 'catalogos.diasInhabiles.calendario', { anio: 2026 }, admin);
    expect(cal.find((d) => d.fecha === '2026-12-24')).toMatchObject({ oficial: false });
    const e = await fallar(p.core, 'catalogos.diasInhabiles.guardar', { fecha: '2026-02-30', descripcion: 'No existe' }, admin);
    expect(e.message).toContain('no es una fecha válida');
  });

  it('suma días hábiles saltando fines de semana y festivos', () => {
    const cal = new CalendarioLaboral(['2026-12-24']);
    expect(cal.sumarHabiles('2026-11-13', 1)).toBe('2026-11-17'); // viernes + 1 → martes (lunes 16 festivo)
    expect(cal.sumarHabiles('2026-12-21', 4)).toBe('2026-12-29'); // 22, 23, (24 propio), (25 festivo), 28, 29
    expect(cal.habilesEntre('2026-11-13', '2026-11-17')).toBe(1);
    expect(cal.habilesEntre('2026-11-17', '2026-11-13')).toBe(-1);
  });
});

describe('ajustes', () => {
  it('valida las bandas del semáforo: sin huecos ni traslapes', async () => {
    const a = await llamar(p.core, 'ajustes.obtener', {}, admin);
    expect(a.carpetaDatos).toBe(p.dataDir);
    const { tieneLogo: _t, carpetaDatos: _c, ...valores } = a;
    const hueco = await fallar(p.core, 'ajustes.guardar', { ...valores, bandas: { verde: { desde: 90 }, amarillo: { desde: 70, hasta: 85 }, rojo: { hasta: 70 } } }, admin);
    expect(hueco.message).toContain('hueco');
    const traslape = await fallar(p.core, 'ajustes.guardar', { ...valores, bandas: { verde: { desde: 90 }, amarillo: { desde: 60, hasta: 90 }, rojo: { hasta: 70 } } }, admin);
    expect(traslape.message).toContain('traslapan');
    const ok = await llamar(p.core, 'ajustes.guardar', { ...valores, institucion: 'Oficina del Ejecutivo', bloqueoMinutos: 5 }, admin);
    expect(ok).toMatchObject({ institucion: 'Oficina del Ejecutivo', bloqueoMinutos: 5, version: 1 });
    expect((await fallar(p.core, 'ajustes.guardar', { ...valores, zonaHoraria: 'Marte/Olimpo' }, admin)).message).toContain('Zona horaria');
  });

  it('acepta un logotipo PNG y rechaza otro contenido', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const a = await llamar(p.core, 'ajustes.guardarLogo', { contenidoBase64: png.toString('base64') }, admin);
    expect(a.tieneLogo).toBe(true);
    expect((await llamar(p.core, 'ajustes.logo', {}, admin))?.tipo).toBe('image/png');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const e = await fallar(p.core, 'ajustes.guardarLogo', { contenidoBase64: exe.toString('base64') }, admin);
    expect(e.code).toBe('ARCHIVO');
    expect((await llamar(p.core, 'ajustes.logo', {}, admin))?.contenidoBase64).toBe(png.toString('base64'));
  });
});

describe('días hábiles entre fechas lejanas', () => {
  /** The plain definition, day by day: what the fast prefix counts must equal. */
  function contarUnoPorUno(cal: CalendarioLaboral, desde: string, hasta: string): number {
    const [a, b, signo] = desde <= hasta ? [desde, hasta, 1] : [hasta, desde, -1];
    let n = 0;
    for (let d = a; d < b; ) {
      d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (cal.esHabil(d)) n++;
    }
    return signo * n;
  }

  it('cuenta igual que día por día, dentro de un año, entre años y al revés', () => {
    const cal = new CalendarioLaboral(['2025-12-24', '2026-04-02', '2022-07-15']);
    const fechas = ['2021-04-15', '2021-12-31', '2022-01-01', '2022-07-14', '2023-03-20', '2024-02-29', '2024-10-01',
      '2025-12-24', '2026-01-01', '2026-04-02', '2026-11-16', '2026-11-20', '2026-11-21', '2027-06-30'];
    for (const a of fechas) for (const b of fechas) expect(cal.habilesEntre(a, b), `${a} → ${b}`).toBe(contarUnoPorUno(cal, a, b));
  });
});
