/**
 * Tablero end to end (issue 6 "Done when"): the Jefe de Oficina signs in, reads the tablero, follows a
 * figure to its filtered list, and generates the informe semanal (PDF read back, xlsx read back).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect, captura, CONTRASENA } from './ayuda';

const dos = (n: number) => String(n).padStart(2, '0');
/** Today in Hermosillo (UTC−7) shifted by `dias`, as YYYY-MM-DD. */
function dia(dias = 0): string {
  const t = new Date(Date.now() - 7 * 3_600_000 + dias * 86_400_000);
  return `${t.getUTCFullYear()}-${dos(t.getUTCMonth() + 1)}-${dos(t.getUTCDate())}`;
}
/** Monday of the week of today + `semanas` weeks. */
function lunes(semanas = 0): string {
  const t = new Date(`${dia()}T12:00:00Z`);
  const resta = (t.getUTCDay() + 6) % 7;
  return dia(-resta + 7 * semanas);
}
function sumar(f: string, n: number): string {
  const t = new Date(`${f}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return `${t.getUTCFullYear()}-${dos(t.getUTCMonth() + 1)}-${dos(t.getUTCDate())}`;
}
const corta = (f: string) => `${f.slice(8, 10)}/${f.slice(5, 7)}/${f.slice(0, 4)}`;

async function bytesDePdfAbierto(page: Page, accion: () => Promise<void>): Promise<string> {
  const [pestana] = await Promise.all([page.context().waitForEvent('page'), accion()]);
  const url = pestana.url();
  await pestana.close();
  const r = await page.request.get(url);
  expect(r.ok()).toBe(true);
  fs.mkdirSync('tests/artifacts', { recursive: true });
  const ruta = path.resolve('tests/artifacts/tablero-informe-semanal.pdf');
  fs.writeFileSync(ruta, await r.body());
  return ruta;
}

test('tablero: el Jefe de Oficina lee el tablero, sigue una cifra a su lista y genera el informe semanal', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(180_000);
  // Data prepared through the modules' methods, with the roles that may write them.
  for (const [usuario, rol] of [['captura1', 'capturista'], ['coord1', 'coordinador']] as const) {
    await sistema.llamar('usuarios.crear', { usuario, nombre: `Persona ${usuario}`, rol, contrasena: CONTRASENA });
  }
  const sesion = async (usuario: string) => {
    const r = await sistema.core.call('usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA });
    if (!r.ok) throw new Error(r.error.message);
    return (r.data as { token: string }).token;
  };
  const cap = await sesion('captura1');
  const coord = await sesion('coord1');
  const deps = await sistema.llamar('catalogos.dependencias.listar', {});
  const dep = Object.fromEntries(deps.map((d) => [d.clave, d.id]));
  const instr = Object.fromEntries((await sistema.llamar('catalogos.instrucciones.listar', {})).map((x) => [x.clave, x.id]));
  const tipos = Object.fromEntries((await sistema.llamar('catalogos.tiposGabinete.listar', {})).map((x) => [x.clave, x.id]));

  const semanaPasada = lunes(-1);
  // Today's asunto arrives at 00:00 so it is never in the future (the suite may run right after midnight in Hermosillo).
  const registrar = (fecha: string, asunto: string, hora = '09:00') =>
    sistema.llamar('correspondencia.registrar', { fechaRecepcion: fecha, horaRecepcion: hora, remitenteNombre: 'Ana Torres', remitenteOrganizacion: 'Ayuntamiento de Guaymas', asunto }, cap);
  const a1 = await registrar(sumar(semanaPasada, 1), 'Solicita la pavimentación de calles en Guaymas');
  await registrar(sumar(semanaPasada, 2), 'Solicita becas para estudiantes de Empalme');
  await sistema.llamar('correspondencia.turnar', { asuntoId: a1.id, dependencias: [dep.SEGOB], instruccionId: instr.ATENCION }, cap);
  const hoy1 = await registrar(dia(), 'Invita al foro regional de turismo', '00:00');
  await sistema.llamar('correspondencia.turnar', { asuntoId: hoy1.id, dependencias: [dep.SH], instruccionId: instr.ATENCION }, cap);

  const reunion = await sistema.llamar('gabinete.reuniones.crear', { tipoId: tipos.GL, tema: '', fecha: dia(-10), hora: '10:00', sede: 'Palacio de Gobierno', municipioClave: '26030' }, coord);
  await sistema.llamar('gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Entregar el diagnóstico de seguridad de Cajeme', dependenciaId: dep.SEGOB, fechaCompromiso: dia(-3) }, coord);
  await sistema.llamar('gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Presentar el programa de obra 2027', dependenciaId: dep.SH, fechaCompromiso: dia(60) }, coord);
  // Due last Saturday and concluded today: vencido at last week's close, not now.
  const tarde = await sistema.llamar('gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Publicar el padrón de transportistas', dependenciaId: dep.SH, fechaCompromiso: sumar(lunes(0), -2) }, coord);
  await sistema.llamar('gabinete.acuerdos.seguimiento', { acuerdoId: tarde.id, version: tarde.version, fecha: dia(), nota: 'Publicado', estatus: 'concluido' }, coord);
  // Three seguimientos this week on two compromisos (two on the hospital).
  const hospital = await sistema.llamar('compromisos.crear', { descripcion: 'Hospital general en Cajeme', fechaCompromiso: '2021-05-01', municipioClave: '26018', dependenciaId: dep.SEGOB }, coord);
  const carretera = await sistema.llamar('compromisos.crear', { descripcion: 'Carretera a Bahía de Kino', fechaCompromiso: '2021-05-02', municipioClave: '26030', dependenciaId: dep.SH }, coord);
  await sistema.llamar('compromisos.crear', { descripcion: 'Presa en el río Sonora', fechaCompromiso: '2021-05-03', municipioClave: '26030', dependenciaId: dep.SH }, coord);
  const h = await sistema.llamar('compromisos.agregarSeguimiento', { compromisoId: hospital.id, version: hospital.version, fecha: dia(), nota: 'Obra al 45 %', estatus: 'en_proceso', avance: 45 }, coord);
  await sistema.llamar('compromisos.agregarSeguimiento', { compromisoId: hospital.id, version: h.version, fecha: dia(), nota: 'Visita de obra' }, coord);
  await sistema.llamar('compromisos.agregarSeguimiento', { compromisoId: carretera.id, version: carretera.version, fecha: dia(), nota: 'Proyecto ejecutivo entregado', estatus: 'en_proceso', avance: 10 }, coord);

  // Sign in as Jefe de Oficina: the tablero is the home screen.
  await entrarComo('jefe', 'jefa');
  await expect(page.getByRole('heading', { name: 'Tablero de control' })).toBeVisible();
  await expect(page).toHaveURL(/#\/tablero/);
  for (const t of ['Correspondencia', 'Acuerdos de gabinete', 'Compromisos de campaña']) await expect(page.getByRole('heading', { name: t })).toBeVisible();
  await expect(page.getByRole('heading', { name: /POA \d{4}/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vencidos por dependencia' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Turnados en 48 h' })).toBeVisible();
  const correspondencia = page.locator('[data-modulo="correspondencia"]');
  await expect(correspondencia.getByRole('link', { name: 'Correspondencia, Vencidos: 1' })).toBeVisible();
  await expect(correspondencia.getByRole('link', { name: 'Recibidos esta semana' })).toHaveText('1');
  await expect(page.locator('[data-modulo="acuerdos"]').getByRole('link', { name: 'Acuerdos de gabinete, Vencidos: 1' })).toBeVisible();
  await page.waitForTimeout(500); // charts animate in
  await captura(page, 'tablero-01-inicio');
  await page.setViewportSize({ width: 1366, height: 1300 });
  await page.waitForTimeout(500);
  await captura(page, 'tablero-01b-completo');
  await page.setViewportSize({ width: 1366, height: 800 });

  // Follow a figure: the overdue acuerdos open the acuerdos list already filtered.
  await page.locator('[data-modulo="acuerdos"]').getByRole('link', { name: 'Acuerdos de gabinete, Vencidos: 1' }).click();
  await expect(page).toHaveURL(/#\/gabinete\/acuerdos\?vencidos=1/);
  await expect(page.getByText('Entregar el diagnóstico de seguridad de Cajeme')).toBeVisible();
  await expect(page.getByText('Presentar el programa de obra 2027')).toHaveCount(0);
  await captura(page, 'tablero-02-acuerdos-vencidos');
  await page.goBack();
  // Last week's «Vencidos» opens the acuerdos vencidos at that week's close, as they stood then.
  const anterior = page.locator('[data-modulo="acuerdos"]').getByRole('link', { name: 'Vencidos la semana anterior' });
  const cifra = Number(await anterior.textContent());
  expect(cifra).toBeGreaterThanOrEqual(1);
  await anterior.click();
  await expect(page).toHaveURL(new RegExp(`#/gabinete/acuerdos\\?vencidosAl=${sumar(lunes(0), -1)}$`));
  await expect(page.getByTestId('filtro-vencidos-al')).toHaveText(`Vencidos al cierre del ${corta(sumar(lunes(0), -1))} · la tabla muestra el estatus de hoy`);
  await expect(page.getByText('Publicar el padrón de transportistas')).toBeVisible();
  await expect(page.getByText('Presentar el programa de obra 2027')).toHaveCount(0);
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: /acuerdos?$/ })).toHaveText(`${cifra} ${cifra === 1 ? 'acuerdo' : 'acuerdos'}`);
  await captura(page, 'tablero-02b-acuerdos-vencidos-semana-anterior');
  await page.goBack();
  // «Avance promedio» opens the compromisos it averages, and the chip says so.
  await page.locator('[data-modulo="compromisos"]').getByRole('link', { name: 'Avance promedio esta semana' }).click();
  await expect(page.getByTestId('filtro-avance-promedio')).toBeVisible();
  await page.goBack();
  // Last week's opens them as they stood at its close: before this week's seguimientos, all sin avance at 0 %.
  await page.locator('[data-modulo="compromisos"]').getByRole('link', { name: 'Avance promedio la semana anterior' }).click();
  await expect(page).toHaveURL(new RegExp(`alCierre=${sumar(lunes(0), -1)}&de=avance$`));
  await expect(page.getByTestId('filtro-avance-promedio')).toHaveText(`Promediados en el avance del tablero al cierre del ${corta(sumar(lunes(0), -1))}: 0 %`);
  await expect(page.getByRole('row', { name: /Hospital general en Cajeme/ }).getByRole('gridcell', { name: 'Sin avance' })).toBeVisible();
  // The two «al cierre» columns take the room of three that start hidden in this view.
  await expect(page.getByRole('columnheader', { name: 'Fecha estimada' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Avance al cierre' })).toBeVisible();
  // Three estatus chosen keep the filter one line high: the first as a pill, «+2» naming the others.
  await expect(page.getByTitle(/^(Sin avance|En proceso|Cumplido), (Sin avance|En proceso|Cumplido)$/)).toHaveText('+2');
  await captura(page, 'tablero-02d-compromisos-avance-semana-anterior');
  await page.goBack();
  // «Seguimientos registrados» opens the compromisos that got them; the chip states the figure, the column each count.
  const registrados = page.locator('[data-modulo="compromisos"]').getByRole('link', { name: 'Seguimientos registrados esta semana' });
  await expect(registrados).toHaveText('3');
  await registrados.click();
  await expect(page).toHaveURL(new RegExp(`#/compromisos\\?seguimientoDesde=${lunes(0)}&seguimientoHasta=${sumar(lunes(0), 6)}$`));
  await expect(page.getByTestId('filtro-seguimientos')).toHaveText(`3 seguimientos registrados del ${corta(lunes(0))} al ${corta(sumar(lunes(0), 6))} en 2 compromisos`);
  await expect(page.getByRole('row', { name: /Hospital general en Cajeme/ }).getByRole('gridcell', { name: '2', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Carretera a Bahía de Kino/ }).getByRole('gridcell', { name: '1', exact: true })).toBeVisible();
  await expect(page.getByText('Presa en el río Sonora')).toHaveCount(0);
  await captura(page, 'tablero-02c-compromisos-seguimientos');
  await page.goBack();
  // Last week had none: its figure opens an empty list that says so.
  await page.locator('[data-modulo="compromisos"]').getByRole('link', { name: 'Seguimientos registrados la semana anterior' }).click();
  await expect(page.getByTestId('filtro-seguimientos')).toHaveText(`0 seguimientos registrados del ${corta(lunes(-1))} al ${corta(sumar(lunes(-1), 6))} en 0 compromisos`);
  await page.goBack();
  // And the overdue correspondencia opens the bandeja with "Vencidos".
  await page.locator('[data-modulo="correspondencia"]').getByRole('link', { name: 'Correspondencia, Vencidos: 1' }).click();
  await expect(page).toHaveURL(/#\/correspondencia\?vencidos=1/);
  await expect(page.getByText('Solicita becas para estudiantes de Empalme')).toBeVisible();
  await expect(page.getByText('Solicita la pavimentación de calles en Guaymas')).toHaveCount(0);
  await expect(page.getByText('Invita al foro regional de turismo')).toHaveCount(0);
  await captura(page, 'tablero-03-bandeja-vencidos');

  // Reportes: the informe semanal of the last complete week.
  await page.getByRole('navigation').getByRole('link', { name: 'Reportes' }).click();
  await expect(page.getByRole('heading', { name: 'Informe semanal' })).toBeVisible();
  await expect(page.getByText(`Semana del ${corta(semanaPasada)} al ${corta(sumar(semanaPasada, 6))}`)).toBeVisible();
  const fila = page.getByRole('row', { name: /Correspondencia recibida/ });
  await expect(fila.getByRole('cell').nth(1)).toHaveText('2');
  await captura(page, 'tablero-04-reportes');
  // "Imprimir" opens the browser's print dialog in browser mode (window.print, stubbed here).
  await page.evaluate(() => {
    const w = window as unknown as { __impresiones: number; print: () => void };
    w.__impresiones = 0;
    w.print = () => void w.__impresiones++;
  });
  await page.getByRole('button', { name: 'Imprimir' }).click();
  expect(await page.evaluate(() => (window as unknown as { __impresiones: number }).__impresiones)).toBe(1);

  const pdf = await bytesDePdfAbierto(page, () => page.getByRole('button', { name: 'PDF' }).click());
  const texto = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  expect(texto).toContain('Informe semanal');
  expect(texto).toMatch(/Correspondencia recibida\s+2\s+0\s+\+2/);
  expect(texto).toContain('1. Correspondencia');
  expect(texto).toContain('4. POA');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.resolve('tests/artifacts/tablero-05-informe-pdf')]);

  const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel' }).click()]);
  const xlsx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-xlsx-')), 'informe.xlsx');
  await descarga.saveAs(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toContain('Resumen');
  let recibida: unknown[] = [];
  wb.getWorksheet('Resumen')!.eachRow((r) => {
    const v = (r.values as unknown[]).slice(1);
    if (v[0] === 'Correspondencia recibida') recibida = v;
  });
  // Counts are integers with no unit column (issue #12): esta semana, la anterior, cambio.
  expect(recibida.slice(0, 4)).toEqual(['Correspondencia recibida', 2, 0, 2]);
  await expect(page.getByText('Informes generados')).toBeVisible();
  await captura(page, 'tablero-06-informe-generado');

  // A future week is refused with a message in Spanish.
  const campo = page.getByLabel('Semana del informe');
  await campo.fill(corta(lunes(2)));
  await campo.press('Enter');
  await expect(page.getByText(/aún no comienza/)).toBeVisible();
});
