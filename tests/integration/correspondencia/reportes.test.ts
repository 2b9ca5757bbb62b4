import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { llamar } from '../ayuda';
import { b64, datosAsunto, escenario, mover, pdfMinimo, type Escenario } from './apoyo';

let e: Escenario;
beforeEach(async () => {
  e = await escenario();
});
afterEach(() => e.p.cerrar());

const texto = (ruta: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ruta, '-'], { encoding: 'utf8' });
const paginas = (ruta: string) => texto(ruta).split('\f').filter((p) => p.trim()).length;
const ruta = (archivoId: string, sesion: string) => {
  const a = e.p.core.archivoGenerado(archivoId, sesion)!;
  // CORR_DOCS=/tmp/x keeps a copy of every document to look at (pdftoppm -png).
  if (process.env.CORR_DOCS) fs.mkdirSync(process.env.CORR_DOCS, { recursive: true }), fs.copyFileSync(a.ruta, `${process.env.CORR_DOCS}/${a.nombre}`);
  return a.ruta;
};

async function libro(archivoId: string, sesion: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ruta(archivoId, sesion));
  return wb;
}

/** Data rows of a listado: the rows under the header whose first cell is «Folio». */
function filasDatos(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  let encabezado = 0;
  ws.eachRow((r, n) => {
    if (!encabezado && r.getCell(1).value === 'Folio') encabezado = n;
  });
  const filas: ExcelJS.Row[] = [];
  ws.eachRow((r, n) => {
    if (n > encabezado && r.getCell(1).value) filas.push(r);
  });
  return filas;
}

describe('reportes de correspondencia', () => {
  it('acuse y volante: una página, folio en texto y en código QR/barras', async () => {
    const { core } = e.p;
    const a = await llamar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: 'oficio.pdf', contenidoBase64: b64(pdfMinimo()) }] }, e.cap);
    await llamar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SEGOB, e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap);
    const acuse = await llamar(core, 'correspondencia.reportes.acuse', { id: a.id }, e.cap);
    expect(acuse.nombre).toBe('Acuse de recibo 03.01-1-26.pdf');
    const t = texto(ruta(acuse.archivoId, e.cap));
    expect(paginas(ruta(acuse.archivoId, e.cap))).toBe(1);
    expect(t).toContain('Acuse de recibo');
    expect(t).toContain('03.01-1/26');
    expect(t).toContain('María José Peña Álvarez');
    expect(t).toContain('20 de noviembre de 2026, 09:30 h');
    expect(t).toContain('oficio.pdf');
    expect(t).toContain('Persona capturista1');
    // Space for firma y sello: the signing block and the stamp box.
    expect(t).toMatch(/Recibió[\s\S]*Persona capturista1[\s\S]*Sello|Recibió[\s\S]*Sello[\s\S]*Persona capturista1/);
    // The PDF carries images (the QR and the Code 128).
    const imagenes = execFileSync('pdfimages', ['-list', ruta(acuse.archivoId, e.cap)], { encoding: 'utf8' }).trim().split('\n').length - 2;
    expect(imagenes).toBeGreaterThanOrEqual(2);

    const volante = await llamar(core, 'correspondencia.reportes.volante', { id: a.id }, e.cap);
    const v = texto(ruta(volante.archivoId, e.cap));
    expect(paginas(ruta(volante.archivoId, e.cap))).toBe(1);
    expect(v).toContain('Volante de turno');
    expect(v).toContain('Secretaría de Gobierno');
    expect(v).toContain('Secretaría de Hacienda');
    expect(v).toContain('Para su atención y respuesta');
    expect(v).toContain('04/12/2026');
  });

  it('Reporte de Estatus por Dependencia: datos, Excel y PDF con totales, % atendido y meta de 48 h', async () => {
    const { core } = e.p;
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const b = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    await llamar(core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-11-17' }), e.cap);
    let d = await llamar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SEGOB, e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap);
    await llamar(core, 'correspondencia.turnos.actualizar', { id: d.turnos[0].id, version: d.turnos[0].version, estatus: 'atendido' }, e.cap);
    await mover(e, e.p.reloj.ahora + 50 * 3_600_000);
    d = await llamar(core, 'correspondencia.turnar', { asuntoId: b.id, dependencias: [e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap);
    await llamar(core, 'correspondencia.turnos.prorrogar', { id: d.turnos[0].id, version: d.turnos[0].version, fechaLimite: '2027-01-29', motivo: 'Solicitud de la dependencia' }, e.cap);
    await llamar(core, 'correspondencia.turnar', { asuntoId: b.id, dependencias: [e.dep.SCG], instruccionId: e.instr.CONOCIMIENTO }, e.cap);

    // An anulado asunto's turnos leave the report.
    const anulado = await llamar(core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-11-21', horaRecepcion: '08:00' }), e.cap);
    const dz = await llamar(core, 'correspondencia.turnar', { asuntoId: anulado.id, dependencias: [e.dep.SEGOB], instruccionId: e.instr.ATENCION }, e.cap);
    await llamar(core, 'correspondencia.anular', { id: anulado.id, version: dz.version, motivo: 'Duplicado del folio anterior' }, e.cap);
    const r = await llamar(core, 'correspondencia.reportes.estatusDatos', { desde: '2026-11-01', hasta: '2026-11-30' }, e.jefe);
    const por = Object.fromEntries(r.filas.map((f) => [f.siglas, f]));
    expect(por.SEGOB).toMatchObject({ turnos: 1, atendidos: 1, noAtendidos: 0, porcentajeAtendido: 100, semaforo: { color: 'verde' } });
    expect(por.SH).toMatchObject({ turnos: 2, atendidos: 0, noAtendidos: 2, prorrogados: 1, porcentajeAtendido: 0, semaforo: { color: 'rojo' } });
    expect(por.SCG).toMatchObject({ turnos: 0, informativos: 1, porcentajeAtendido: null, semaforo: { color: 'gris' } });
    expect(r.totales).toMatchObject({ turnos: 3, atendidos: 1, noAtendidos: 2, porcentajeAtendido: 33.3 });
    // 3 asuntos: a turned in 0.5 h, b in 50.5 h, c never (received 3 days before) → 1 of 3 within 48 h.
    expect(r).toMatchObject({ asuntos: 3, medibles48h: 3, turnadosEn48h: 1, porcentajeEn48h: 33.3, promedioHorasParaTurnar: 25.5 });

    const x = await llamar(core, 'correspondencia.reportes.estatus', { desde: '2026-11-01', hasta: '2026-11-30', formato: 'xlsx' }, e.jefe);
    const wb = await libro(x.archivoId, e.jefe);
    const ws = wb.getWorksheet('Estatus por dependencia')!;
    const valores: unknown[][] = [];
    ws.eachRow((row) => valores.push((row.values as unknown[]).slice(1)));
    const plano = JSON.stringify(valores);
    expect(plano).toContain('Reporte de Estatus por Dependencia');
    expect(plano).toContain('Del 1 de noviembre de 2026 al 30 de noviembre de 2026');
    const sh = valores.find((v) => String(v[0]).startsWith('Secretaría de Hacienda'))!;
    expect(sh.slice(1, 10)).toEqual([2, 0, 0, 2, 0, 1, 0, 0, 0]); // … informativos, devueltos, % atendido
    expect(sh[10]).toBe('Crítico');
    const total = valores.find((v) => v[0] === 'Total')!;
    expect(total[1]).toMatchObject({ result: 3 });
    const meta = wb.getWorksheet('Meta de 48 horas')!;
    const m: unknown[][] = [];
    meta.eachRow((row) => m.push((row.values as unknown[]).slice(1)));
    expect(JSON.stringify(m)).toContain('"% turnado en 48 h","33.3 %"');
    expect(JSON.stringify(m)).toContain('"Promedio de horas para turnar","25.5 h"');

    const p = await llamar(core, 'correspondencia.reportes.estatus', { desde: '2026-11-01', hasta: '2026-11-30', formato: 'pdf' }, e.jefe);
    const t = texto(ruta(p.archivoId, e.jefe));
    expect(t).toContain('Reporte de Estatus por Dependencia');
    expect(t).toMatch(/Secretaría de Hacienda \(SH\)\s+2\s+0\s+0\s+2\s+0\s+1\s+0\s+0\s+0\s*%\s+Crítico/);
    expect(t).toMatch(/Total\s+3\s+1\s+0\s+2\s+0\s+1\s+1\s+0\s+33.3 %/);
    expect(t).toContain('33.3 %');
    expect(t).toContain('25.5 h');
    expect(t).toContain('Página 1 de 1');
  });

  it('listados de asuntos y turnos: exactamente lo filtrado, y celdas que empiezan con = + - @ neutralizadas', async () => {
    const { core } = e.p;
    const peligrosos = ['=HYPERLINK("http://x.example","clic")', '+52 662 123 4567', '-1+1', '@SUMA(A1:A9)'];
    const ids: string[] = [];
    for (const [i, p] of peligrosos.entries()) {
      ids.push((await llamar(core, 'correspondencia.registrar', datosAsunto({ remitenteNombre: p, asunto: `${p} asunto ${i}`, observaciones: p, oficioNumero: p }), e.cap)).id);
    }
    // Turnos on the first and third asuntos (the listado merges asuntos and turnos streams in folio order).
    await llamar(core, 'correspondencia.turnar', { asuntoId: ids[0], dependencias: [e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap);
    await llamar(core, 'correspondencia.turnar', { asuntoId: ids[2], dependencias: [e.dep.SCG, e.dep.SEGOB], instruccionId: e.instr.CONOCIMIENTO }, e.cap);
    const otro = await llamar(core, 'correspondencia.registrar', datosAsunto({ asunto: 'Invitación a la feria del libro', tipo: 'invitacion' }), e.cap);
    await llamar(core, 'correspondencia.turnar', { asuntoId: otro.id, dependencias: [e.dep.SEC, e.dep.SEGOB], instruccionId: e.instr.ATENCION }, e.cap);

    const todo = await llamar(core, 'correspondencia.exportar.asuntos', { columnas: ['folio', 'recepcion', 'remitente', 'oficio', 'asunto', 'turnadoA'] }, e.jefe);
    expect(todo.filas).toBe(5);
    const ws = (await libro(todo.archivoId, e.jefe)).getWorksheet('Asuntos')!;
    const filas = filasDatos(ws);
    expect(filas.map((f) => f.getCell(1).value)).toEqual(['03.01-5/26', '03.01-4/26', '03.01-3/26', '03.01-2/26', '03.01-1/26']);
    expect(filas.map((f) => f.getCell(6).value ?? '')).toEqual(['SEC, SEGOB', '', 'SCG, SEGOB', '', 'SH']);
    const asc = await llamar(core, 'correspondencia.exportar.asuntos', { orden: 'folio_asc', columnas: ['folio', 'turnadoA'] }, e.jefe);
    const fa = filasDatos((await libro(asc.archivoId, e.jefe)).getWorksheet('Asuntos')!);
    expect(fa.map((f) => [f.getCell(1).value, f.getCell(2).value ?? ''])).toEqual([
      ['03.01-1/26', 'SH'], ['03.01-2/26', ''], ['03.01-3/26', 'SCG, SEGOB'], ['03.01-4/26', ''], ['03.01-5/26', 'SEC, SEGOB'],
    ]);
    let revisadas = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula && !String(c.formula).startsWith('SUBTOTAL')) throw new Error(`fórmula en ${c.address}`);
        if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) throw new Error(`sin neutralizar en ${c.address}: ${c.value}`);
        if (typeof c.value === 'string' && c.value.startsWith("'")) revisadas++;
      }),
    );
    expect(revisadas).toBe(4 * 3); // remitente, oficio and asunto of the four dangerous ones
    expect(filas[4].getCell(3).value).toBe(`'=HYPERLINK("http://x.example","clic"), Presidenta Municipal, Ayuntamiento de Cajeme`);
    expect(filas[4].getCell(4).value).toBe(`'=HYPERLINK("http://x.example","clic")`);

    const filtrado = await llamar(core, 'correspondencia.exportar.asuntos', { tipo: 'invitacion', texto: 'feria libro' }, e.jefe);
    expect(filtrado.filas).toBe(1);
    const bandeja = await llamar(core, 'correspondencia.bandeja', { tipo: 'invitacion', texto: 'feria libro' }, e.jefe);
    const f2 = filasDatos((await libro(filtrado.archivoId, e.jefe)).getWorksheet('Asuntos')!);
    expect(f2.map((f) => f.getCell(1).value)).toEqual(bandeja.filas.map((b) => b.folio));
    expect(f2[0].getCell(6).value).toBe('SEC, SEGOB');
    expect(f2[0].getCell(5).value).toBe('Pendiente');

    const todosTurnos = await llamar(core, 'correspondencia.exportar.turnos', {}, e.jefe);
    expect(todosTurnos.filas).toBe(5);
    const turnos = await llamar(core, 'correspondencia.exportar.turnos', { tipo: 'invitacion' }, e.jefe);
    expect(turnos.filas).toBe(2);
    const ft = filasDatos((await libro(turnos.archivoId, e.jefe)).getWorksheet('Turnos')!);
    expect(ft.map((f) => f.getCell(4).value)).toEqual(['Secretaría de Educación y Cultura', 'Secretaría de Gobierno']);
    expect(ft[0].getCell(10).value).toBe('No atendido');
  });
});
