import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { fallar, llamar } from '../ayuda';
import { b64, datosAsunto, escenario, mover, pdfMinimo, type Escenario } from '../correspondencia/apoyo';
import type { Input } from '../../../electron/contract';

let e: Escenario;
beforeEach(async () => {
  e = await escenario();
  const a = await llamar(e.p.core, 'ajustes.obtener', {}, e.admin);
  const { version, tieneLogo: _t, carpetaDatos: _c, ...valores } = a;
  await llamar(e.p.core, 'ajustes.guardar', { ...valores, firmanteNombre: 'Lic. Ramón Castillo Valdez', version }, e.admin);
});
afterEach(() => e.p.cerrar());

const ruta = (archivoId: string, sesion: string) => e.p.core.archivoGenerado(archivoId, sesion)!.ruta;
const texto = (r: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', r, '-'], { encoding: 'utf8' });
const paginas = (r: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [r], { encoding: 'utf8' }))![1]);

async function plantilla(clave: string) {
  return (await llamar(e.p.core, 'oficios.plantillas.listar', {}, e.cap)).find((p) => p.clave === clave)!;
}

async function borrador(extra: Partial<Input<'oficios.crear'>> = {}) {
  return llamar(
    e.p.core,
    'oficios.crear',
    {
      destinatario: { nombre: 'Ing. Luis Morales', cargo: 'Director General', dependencia: 'Secretaría de Hacienda', dependenciaId: null },
      asunto: 'Solicitud de información',
      cuerpo: 'Le solicito la información del programa.',
      firmante: { nombre: 'Lic. Ramón Castillo Valdez', cargo: 'Jefe de la Oficina' },
      ...extra,
    },
    e.cap,
  );
}

describe('oficios de salida', () => {
  it('responde a un remitente desde la plantilla: borrador sin número, emitido con OEE/1/2026, entregado con acuse; PDF, registro y Excel', async () => {
    const { core } = e.p;
    const asunto = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const p = await plantilla('RESPUESTA');
    const r = await llamar(core, 'oficios.redactar', { plantillaId: p.id, asuntoId: asunto.id }, e.cap);
    expect(r.destinatario).toMatchObject({ nombre: 'María José Peña Álvarez', cargo: 'Presidenta Municipal', dependencia: 'Ayuntamiento de Cajeme' });
    expect(r.cuerpo).toContain(`registrado con el folio ${asunto.folio}`);
    expect(r.cuerpo).toContain('20 de noviembre de 2026');
    expect(r.referencias).toEqual([{ tipo: 'asunto', id: asunto.id }]);

    const cuerpo = r.cuerpo.replace('Al respecto, me permito informarle que', 'Al respecto, me permito informarle que su solicitud se turnó a la Secretaría de Infraestructura.');
    const b = await llamar(core, 'oficios.crear', { ...r, cuerpo, ccp: ['Secretaría de Infraestructura y Desarrollo Urbano'] }, e.cap);
    expect(b).toMatchObject({ estatus: 'borrador', numero: null, fecha: null });

    const o = await llamar(core, 'oficios.emitir', { id: b.id, version: b.version }, e.cap);
    expect(o).toMatchObject({ estatus: 'emitido', numero: 'OEE/1/2026', fecha: '2026-11-20', anio: 2026 });
    const linea = (await llamar(core, 'correspondencia.obtener', { id: asunto.id }, e.cap)).eventos.at(-1)!;
    expect(linea.descripcion).toContain('Oficio de salida OEE/1/2026');

    const pdf = await llamar(core, 'oficios.pdf', { ids: [o.id] }, e.jefe);
    const t = texto(ruta(pdf.archivos[0].archivoId, e.jefe));
    expect(paginas(ruta(pdf.archivos[0].archivoId, e.jefe))).toBe(1);
    for (const s of ['Oficina del Ejecutivo Estatal de Sonora', 'Oficio núm. OEE/1/2026', 'Hermosillo, Sonora, a 20 de noviembre de 2026', 'María José Peña Álvarez', 'Presente', 'Asunto: Respuesta a su escrito con folio', 'Atentamente', 'Lic. Ramón Castillo Valdez', 'c.c.p. Secretaría de Infraestructura', 'Página 1 de 1']) {
      expect(t).toContain(s);
    }
    // Número and lugar y fecha come before the destinatario, "Asunto:" after it, the signature at the end.
    expect(t.indexOf('OEE/1/2026')).toBeLessThan(t.indexOf('Presente'));
    expect(t.indexOf('Presente')).toBeLessThan(t.indexOf('Asunto:'));
    expect(t.indexOf('Asunto:')).toBeLessThan(t.indexOf('Atentamente'));

    const entregado = await llamar(core, 'oficios.entregar', { id: o.id, version: o.version, fecha: '2026-11-20', acuse: { nombre: 'acuse firmado.pdf', contenidoBase64: b64(pdfMinimo('acuse')) } }, e.cap);
    expect(entregado).toMatchObject({ estatus: 'entregado', entrega: { fecha: '2026-11-20', acuse: { nombre: 'acuse firmado.pdf' } } });
    const acuse = await llamar(core, 'oficios.archivo', { id: o.id, sha256: entregado.entrega!.acuse!.sha256 }, e.cap);
    expect(acuse.nombre).toBe('acuse firmado.pdf');

    // Registry: by referenced folio, by the asunto, full text without accents, and the Excel of what is seen.
    expect((await llamar(core, 'oficios.listar', { folio: asunto.folio }, e.jefe)).filas.map((f) => f.numero)).toEqual(['OEE/1/2026']);
    expect((await llamar(core, 'oficios.listar', { asuntoId: asunto.id }, e.jefe)).total).toBe(1);
    expect((await llamar(core, 'oficios.listar', { texto: 'PENA infraestructura' }, e.jefe)).total).toBe(1);
    expect((await llamar(core, 'oficios.listar', { texto: 'inexistente' }, e.jefe)).total).toBe(0);
    expect((await llamar(core, 'oficios.listar', { estatus: 'entregado', anio: 2026 }, e.jefe)).total).toBe(1);
    const x = await llamar(core, 'oficios.exportar', { estatus: 'entregado' }, e.jefe);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ruta(x.archivoId, e.jefe));
    const valores: unknown[][] = [];
    wb.getWorksheet('Oficios')!.eachRow((row) => valores.push((row.values as unknown[]).slice(1)));
    const fila = valores.find((v) => v[0] === 'OEE/1/2026')!;
    expect(fila).toContain('María José Peña Álvarez');
    expect(fila).toContain(asunto.folio);
    expect(fila).toContain('Entregado');
  });

  it('entradas malas: sin cuerpo, sin destinatario, campo desconocido, anulado que se entrega; anular conserva el número', async () => {
    const { core } = e.p;
    const vacio = await borrador({ cuerpo: '   ' });
    expect((await fallar(core, 'oficios.emitir', { id: vacio.id, version: vacio.version }, e.cap)).message).toMatch(/cuerpo del oficio está vacío/);
    const sinDest = await borrador({ destinatario: { nombre: '', cargo: '', dependencia: '', dependenciaId: null } });
    expect((await fallar(core, 'oficios.emitir', { id: sinDest.id, version: sinDest.version }, e.cap)).message).toMatch(/Falta el destinatario/);
    const conCampo = await borrador({ cuerpo: 'Relativo al folio {asunto.folio}.' });
    expect((await fallar(core, 'oficios.emitir', { id: conCampo.id, version: conCampo.version }, e.cap)).message).toMatch(/campos sin llenar: \{asunto\.folio\}/);
    // Nothing was numbered by the failed emissions.
    expect((await llamar(core, 'oficios.listar', { estatus: 'emitido' }, e.cap)).total).toBe(0);

    const p = await plantilla('INVITACION');
    const malo = await fallar(core, 'oficios.plantillas.guardar', { ...p, cuerpo: `${p.cuerpo}\n{desconocido}` }, e.admin);
    expect(malo.message).toMatch(/campo desconocido «\{desconocido\}»/);
    expect((await fallar(core, 'oficios.plantillas.guardar', { ...p, cuerpo: 'Ver {turnos_vencidos} abajo.' }, e.admin)).message).toMatch(/solo en su propio renglón/);
    expect((await plantilla('INVITACION')).cuerpo).toBe(p.cuerpo);
    const nueva = await llamar(core, 'oficios.plantillas.guardar', { ...p, nombre: 'Convocatoria a reunión', cuerpo: `Estimado {destinatario.nombre}:\n\n${p.cuerpo}` }, e.admin);
    expect(nueva.version).toBe(p.version + 1);

    const a = await borrador();
    const a1 = await llamar(core, 'oficios.emitir', { id: a.id, version: a.version }, e.cap);
    const anulado = await llamar(core, 'oficios.anular', { id: a1.id, version: a1.version, motivo: 'Destinatario equivocado' }, e.cap);
    expect(anulado).toMatchObject({ estatus: 'anulado', numero: 'OEE/1/2026' });
    const entrega = await fallar(core, 'oficios.entregar', { id: anulado.id, version: anulado.version, fecha: '2026-11-20', acuse: null }, e.cap);
    expect(entrega.message).toMatch(/OEE\/1\/2026 está anulado/);
    expect((await fallar(core, 'oficios.editar', { ...(await borrador()), id: a1.id, version: anulado.version }, e.cap)).message).toMatch(/anulado/);
    const b = await borrador();
    expect((await llamar(core, 'oficios.emitir', { id: b.id, version: b.version }, e.cap)).numero).toBe('OEE/2/2026');
    // An emitted oficio's text does not change.
    const b2 = await llamar(core, 'oficios.obtener', { id: b.id }, e.cap);
    expect((await fallar(core, 'oficios.editar', { ...b2, tablas: {}, referencias: [], id: b.id, version: b2.version }, e.cap)).message).toMatch(/ya fue emitido/);
    // The series screen shows the outgoing series with its used numbers; it is not for registering asuntos.
    const serie = (await llamar(core, 'correspondencia.series.listar', {}, e.admin)).find((s) => s.uso === 'oficios')!;
    expect(serie).toMatchObject({ plantilla: 'OEE/{n}/{yyyy}', usados: 2, ejemplo: 'OEE/3/2026' });
    expect((await fallar(core, 'correspondencia.registrar', datosAsunto({ serieId: serie.id }), e.cap)).message).toMatch(/numera oficios de salida/);
    expect((await fallar(core, 'correspondencia.series.fijarSiguiente', { serieId: serie.id, anio: 2026, siguiente: 2 }, e.admin)).message).toMatch(/mayor que 2/);
  });

  it('un cuerpo de 30 páginas se pagina con el membrete en cada página', async () => {
    const parrafo = 'Este párrafo de prueba describe con detalle los antecedentes del asunto y las acciones realizadas por la dependencia. '.repeat(6);
    const b = await borrador({ cuerpo: Array.from({ length: 190 }, (_, i) => `${i + 1}. ${parrafo}`).join('\n\n') });
    const o = await llamar(e.p.core, 'oficios.emitir', { id: b.id, version: b.version }, e.cap);
    const pdf = await llamar(e.p.core, 'oficios.pdf', { ids: [o.id] }, e.cap);
    const r = ruta(pdf.archivos[0].archivoId, e.cap);
    const n = paginas(r);
    expect(n).toBeGreaterThanOrEqual(30);
    const t = texto(r);
    expect(t.split('Oficina del Ejecutivo Estatal de Sonora').length - 1).toBeGreaterThanOrEqual(n);
    expect(t).toContain(`Página ${n} de ${n}`);
    expect(t.split('Oficio OEE/1/2026').length - 1).toBe(n - 1); // the header of every continuation page
    expect(t).toContain('190. Este párrafo');
  });
});

describe('recordatorios', () => {
  async function turnar(siglas: string, asunto: string) {
    const a = await llamar(e.p.core, 'correspondencia.registrar', datosAsunto({ asunto }), e.cap);
    await llamar(e.p.core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep[siglas]], instruccionId: e.instr.ATENCION }, e.cap);
    return a;
  }

  it('uno por dependencia con vencidos, números consecutivos, línea de tiempo, tablero y un solo PDF', async () => {
    const { core } = e.p;
    const deps = Object.keys(e.dep).slice(0, 3);
    const asuntos = [await turnar(deps[0], 'Bacheo de la calle principal'), await turnar(deps[0], 'Alumbrado del parque'), await turnar(deps[1], 'Beca escolar'), await turnar(deps[2], 'Pozo de agua')];
    // Nothing is overdue yet: a clear message and nothing emitted.
    const nada = await llamar(core, 'oficios.recordatorios.vistaPrevia', { corte: '2026-11-20' }, e.cap);
    expect(nada).toEqual({ filas: [], total: 0 });
    const err = await fallar(core, 'oficios.recordatorios.generar', { corte: '2026-11-20', dependencias: [e.dep[deps[0]]] }, e.cap);
    expect(err.message).toBe('No hay turnos vencidos al 20 de noviembre de 2026: no se generó ningún recordatorio.');
    expect((await llamar(core, 'oficios.listar', {}, e.cap)).total).toBe(0);

    await mover(e, Date.UTC(2026, 11, 15, 17)); // 15/12/2026: plazo of 10 días hábiles (4/12) is past
    const v = await llamar(core, 'oficios.recordatorios.vistaPrevia', { corte: '2026-12-15' }, e.cap);
    expect(v.total).toBe(4);
    expect(v.filas.map((f) => [f.siglas, f.vencidos, f.ultimoRecordatorio])).toEqual([[deps[0], 2, null], ...[deps[1], deps[2]].sort().map((d) => [d, 1, null])]);

    const progreso: number[] = [];
    const quitar = core.on('progreso', (p) => p.tarea === 'rec' && progreso.push(p.fraccion));
    const g = await llamar(core, 'oficios.recordatorios.generar', { corte: '2026-12-15', dependencias: v.filas.map((f) => f.dependenciaId), tarea: 'rec' }, e.cap);
    quitar();
    expect(progreso.at(-1)).toBe(1);
    expect(g.oficios.map((o) => o.numero).sort()).toEqual(['OEE/1/2026', 'OEE/2/2026', 'OEE/3/2026']);
    expect(g.oficios.every((o) => o.estatus === 'emitido' && o.tipo === 'recordatorio')).toBe(true);

    const o = await llamar(core, 'oficios.obtener', { id: g.oficios.find((x) => x.dependencia === v.filas[0].dependencia)!.id }, e.cap);
    expect(o.cuerpo).toContain('al 15 de diciembre de 2026');
    expect(o.tablas.turnos_vencidos.filas.map((f) => [f[0], f[4]])).toEqual([[asuntos[0].folio, '7'], [asuntos[1].folio, '7']]);
    expect(o.referencias.filter((r) => r.tipo === 'turno')).toHaveLength(2);
    const linea = (await llamar(core, 'correspondencia.obtener', { id: asuntos[0].id }, e.cap)).eventos.at(-1)!;
    expect(linea.descripcion).toBe(`Recordatorio: oficio ${o.numero} a ${o.destinatario.dependencia}`);
    // Read from the oficio's references (not copied per turno): every reminded turno shows it, with who emitted it.
    expect(linea).toMatchObject({ tipo: 'recordatorio', momento: o.emitido, usuario: expect.any(String), detalle: { oficioId: o.id, numero: o.numero } });
    const otra = (await llamar(core, 'correspondencia.obtener', { id: asuntos[1].id }, e.cap)).eventos.filter((x) => x.tipo === 'recordatorio');
    expect(otra.map((x) => x.descripcion)).toEqual([`Recordatorio: oficio ${o.numero} a ${o.destinatario.dependencia}`]);

    const tablero = await llamar(core, 'tablero.resumen', {}, e.jefe);
    const fila = tablero.vencidosPorDependencia.find((f) => f.dependenciaId === e.dep[deps[0]])!;
    expect(fila.ultimoRecordatorio).toEqual({ numero: o.numero, fecha: '2026-12-15' });
    expect((await llamar(core, 'oficios.recordatorios.vistaPrevia', { corte: '2026-12-15' }, e.cap)).filas[0].ultimoRecordatorio).toEqual({ numero: o.numero, fecha: '2026-12-15' });

    const pdf = await llamar(core, 'oficios.pdf', { ids: g.oficios.map((x) => x.id), modo: 'uno' }, e.jefe);
    const r = ruta(pdf.archivos[0].archivoId, e.jefe);
    expect(paginas(r)).toBe(3);
    const t = texto(r);
    expect(t.split('Página 1 de 1').length - 1).toBe(3);
    for (const a of asuntos) expect(t).toContain(a.folio);
    expect(t).toContain('Días hábiles');
    const separados = await llamar(core, 'oficios.pdf', { ids: g.oficios.map((x) => x.id), modo: 'separados' }, e.jefe);
    expect(separados.archivos).toHaveLength(3);
    expect((await llamar(core, 'oficios.listar', { lote: g.lote }, e.jefe)).total).toBe(3);
  });
});

describe('devolución y reasignación', () => {
  it('el turno devuelto sale de los semáforos, se reasigna con plazo nuevo y el reporte lo cuenta aparte', async () => {
    const { core } = e.p;
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    let d = await llamar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap);
    const t = d.turnos[0];
    await mover(e, Date.UTC(2026, 10, 25, 17));
    d = await llamar(core, 'correspondencia.turnos.devolver', { id: t.id, version: t.version, fecha: '2026-11-24', motivo: 'No es competencia de la Secretaría' }, e.cap);
    expect(d.estatus).toBe('por_turnar');
    expect(d.turnos[0]).toMatchObject({ estatus: 'devuelto', devolucion: { fecha: '2026-11-24', motivo: 'No es competencia de la Secretaría' }, semaforoEstatus: { color: 'gris' } });
    expect((await fallar(core, 'correspondencia.turnos.actualizar', { id: t.id, version: d.turnos[0].version, estatus: 'atendido' }, e.cap)).message).toMatch(/devuelto/);
    expect((await fallar(core, 'correspondencia.turnos.reasignar', { id: t.id, version: d.turnos[0].version, dependenciaId: e.dep.SH }, e.cap)).message).toMatch(/otra dependencia/);

    d = await llamar(core, 'correspondencia.turnos.reasignar', { id: t.id, version: d.turnos[0].version, dependenciaId: e.dep.SE }, e.cap);
    const nuevo = d.turnos[1];
    expect(nuevo).toMatchObject({ estatus: 'pendiente', fechaTurno: '2026-11-25', fechaLimite: '2026-12-09', reasignadoDe: { turnoId: t.id } });
    expect(d.turnos[0].reasignadoA).toMatchObject({ turnoId: nuevo.id });
    expect(d.estatus).toBe('pendiente');
    expect(d.eventos.map((x) => x.tipo)).toEqual(expect.arrayContaining(['devolucion', 'reasignacion']));
    expect((await fallar(core, 'correspondencia.turnos.reasignar', { id: t.id, version: d.turnos[0].version, dependenciaId: e.dep.SE }, e.cap)).message).toMatch(/ya se reasignó/);

    // Reassigning an attended turno is refused.
    d = await llamar(core, 'correspondencia.turnos.actualizar', { id: nuevo.id, version: nuevo.version, estatus: 'atendido' }, e.cap);
    const atendido = d.turnos[1];
    expect((await fallar(core, 'correspondencia.turnos.reasignar', { id: atendido.id, version: atendido.version, dependenciaId: e.dep.SH }, e.cap)).message).toBe('El turno ya está atendido: no se puede reasignar.');
    expect((await fallar(core, 'correspondencia.turnos.devolver', { id: atendido.id, version: atendido.version, fecha: '2026-11-25', motivo: 'x' }, e.cap)).message).toMatch(/ya está atendido/);

    const rep = await llamar(core, 'correspondencia.reportes.estatusDatos', { desde: '2026-11-01', hasta: '2026-11-30' }, e.jefe);
    const sh = rep.filas.find((f) => f.siglas === 'SH')!;
    expect(sh).toMatchObject({ turnos: 0, devueltos: 1, vencidos: 0 });
    expect(rep.filas.find((f) => f.siglas === 'SE')).toMatchObject({ turnos: 1, atendidos: 1, devueltos: 0 });
    expect(rep.totales.devueltos).toBe(1);
  });
});
