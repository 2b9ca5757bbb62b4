/**
 * Gabinete end to end (issue "Done when"): convene a meeting, take attendance, capture three acuerdos,
 * close it, record a seguimiento that concludes one, print the minuta and the next meeting's carpeta
 * estratégica (which lists the two open acuerdos). PDFs are downloaded and read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, borradorEscrito, captura } from './ayuda';

test.use({ actionTimeout: 15_000 });

async function elegir(page: Page, etiqueta: string | RegExp, opcion: string | RegExp, dentro = page) {
  await dentro.getByRole('combobox', { name: etiqueta, exact: true }).click();
  await page.getByRole('option', { name: opcion }).first().click();
}

async function descargarTexto(page: Page, nombre: RegExp): Promise<string> {
  // A long document (the minuta of 1,000 acuerdos) is built in a worker: on a loaded machine it takes a while.
  const [descarga] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: nombre }).first().click({ timeout: 60_000 })]);
  const ruta = await descarga.path();
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ruta, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('gabinete: convocar, asistencia, tres acuerdos, cerrar, concluir uno, minuta y carpeta estratégica', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(240_000);
  // The directorio, prepared behind the scenes (the administrator keeps it too).
  const deps = await sistema.llamar('catalogos.dependencias.listar', {});
  const dep = (clave: string) => deps.find((d) => d.clave === clave)!.id;
  for (const [nombre, cargo, clave] of [
    ['Lic. Ana Morales', 'Secretaria de Gobierno', 'SEGOB'],
    ['Mtro. Luis Peña', 'Secretario de Hacienda', 'SH'],
    ['Dra. Rosa Ibarra', 'Secretaria de Salud', 'SSP'],
  ]) {
    await sistema.llamar('gabinete.funcionarios.guardar', { nombre, cargo, dependenciaId: dep(clave), correo: '', telefono: '' });
  }
  page.on('popup', (p) => void p.close()); // "Abrir" opens the PDF in a new tab; the test reads the downloads instead.

  await entrarComo('coordinador', 'coordinadora');
  await page.getByRole('navigation').getByRole('link', { name: 'Gabinete' }).click();
  await expect(page.getByText('Sin reuniones')).toBeVisible();

  // Nueva reunión: the generated name appears before saving.
  await page.getByRole('button', { name: 'Nueva reunión' }).first().click();
  await elegir(page, 'Tipo de gabinete', 'Gabinete Legal y Ampliado');
  await expect(page.getByTestId('nombre-generado')).toHaveText('I Reunión de Gabinete Legal y Ampliado');
  await page.getByRole('textbox', { name: 'Sede' }).fill('Salón Sonora, Palacio de Gobierno');
  await captura(page, 'gabinete-01-nueva-reunion');
  await page.getByRole('button', { name: /Guardar reunión/ }).click();
  await expect(page.getByTestId('titulo-reunion')).toHaveText('I Reunión de Gabinete Legal y Ampliado');
  await page.getByRole('button', { name: 'Más acciones' }).click();
  await page.getByRole('menuitem', { name: /Editar fecha, sede o tema/ }).click();
  await page.getByRole('dialog', { name: 'Editar datos de la reunión' }).getByRole('textbox', { name: 'Hora (24 h)' }).fill('11:30');
  await page.getByRole('dialog', { name: 'Editar datos de la reunión' }).getByRole('button', { name: /Guardar/ }).click();
  await expect(page.getByText(/11:30 h · Salón Sonora/)).toBeVisible();

  // Convocados from the directorio.
  await page.getByLabel('Convocar del directorio', { exact: true }).first().click();
  for (const n of ['Lic. Ana Morales', 'Mtro. Luis Peña', 'Dra. Rosa Ibarra']) await page.getByRole('option', { name: new RegExp(n) }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Convocar', exact: true }).click();
  await expect(page.getByRole('row', { name: /Dra\. Rosa Ibarra/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Convocados (3)' })).toBeVisible();

  // Orden del día: add three points, reorder with the keyboard and by dragging.
  await page.getByRole('tab', { name: 'Orden del día' }).click();
  for (const [t, p] of [['Lista de asistencia', 'Coordinación'], ['Seguridad en carreteras', 'SSPE'], ['Asuntos generales', '']]) {
    await page.getByRole('textbox', { name: 'Punto del orden del día' }).fill(t);
    await page.getByRole('textbox', { name: 'Presenta' }).fill(p);
    await page.getByRole('button', { name: 'Agregar punto' }).click();
    await expect(page.getByRole('listitem', { name: new RegExp(t) })).toBeVisible();
  }
  const puntos = page.getByTestId('punto-orden');
  await page.getByRole('listitem', { name: /Seguridad en carreteras/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(puntos.first()).toContainText('Seguridad en carreteras');
  await expect(page.getByRole('listitem', { name: 'Punto 1: Seguridad en carreteras' })).toBeFocused();
  await page.getByRole('listitem', { name: /Asuntos generales/ }).dragTo(page.getByRole('listitem', { name: /Seguridad en carreteras/ }));
  await expect(puntos.first()).toContainText('Asuntos generales');
  await page.getByRole('listitem', { name: /Asuntos generales/ }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  // The moved point keeps the focus: a second Alt+↓ right away moves it again (the saves go in order).
  await expect(page.getByRole('listitem', { name: 'Punto 2: Asuntos generales' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('listitem', { name: 'Punto 3: Asuntos generales' })).toBeFocused();
  await expect(puntos.last()).toContainText('Asuntos generales');
  await expect(puntos.first()).toContainText('Seguridad en carreteras');
  await page.getByRole('button', { name: 'Editar punto 3' }).click();
  await page.getByRole('textbox', { name: 'Punto', exact: true }).fill('Asuntos generales y clausura');
  await page.keyboard.press('Enter');
  await expect(puntos.last()).toContainText('Asuntos generales y clausura');
  await captura(page, 'gabinete-02-orden-del-dia');
  // What is being written in the orden del día is its draft: after a reload the new point and the point
  // being edited come back (the edition reopens).
  await page.getByRole('button', { name: 'Editar punto 1' }).click();
  await page.getByRole('textbox', { name: 'Punto', exact: true }).fill('Seguridad en carreteras federales');
  await page.getByRole('textbox', { name: 'Punto del orden del día' }).fill('Informe de la Secretaría de Salud');
  await borradorEscrito(page, 'Informe de la Secretaría de Salud');
  await page.reload();
  await expect(page.getByTestId('oferta-borrador')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Recuperar borrador' }).click();
  await expect(page.getByRole('textbox', { name: 'Punto del orden del día' })).toHaveValue('Informe de la Secretaría de Salud');
  await expect(page.getByRole('textbox', { name: 'Punto', exact: true })).toHaveValue('Seguridad en carreteras federales');
  await captura(page, 'gabinete-02b-orden-borrador');
  await page.getByRole('textbox', { name: 'Punto', exact: true }).press('Enter');
  await expect(puntos.first()).toContainText('Seguridad en carreteras federales');
  await page.getByRole('button', { name: 'Agregar punto' }).click();
  await expect(puntos).toHaveCount(4);
  await expect(page.getByTestId('oferta-borrador')).toHaveCount(0);

  // Asistencia: asistió, envió representante (with name), no asistió.
  await page.getByRole('tab', { name: 'Asistencia' }).click();
  const fila = (n: string) => page.getByRole('row', { name: new RegExp(n) });
  await fila('Lic. Ana Morales').getByText('Asistió', { exact: true }).click();
  await fila('Mtro. Luis Peña').getByText('Envió representante').click();
  await page.getByRole('textbox', { name: 'Representante de Mtro. Luis Peña' }).fill('Lic. Jorge Soto');
  await page.keyboard.press('Enter');
  await fila('Dra. Rosa Ibarra').getByText('No asistió').click();
  await expect(page.getByText('Asistieron 1 · enviaron representante 1 · no asistieron 1 · sin registro 0')).toBeVisible();
  await captura(page, 'gabinete-03-asistencia');

  // Three acuerdos, fast capture.
  await page.getByRole('tab', { name: 'Acuerdos' }).click();
  const acuerdos: [string, string, string | null][] = [
    ['Instalar la mesa estatal de seguridad carretera', 'Secretaría de Gobierno', null],
    ['Publicar el padrón de obras prioritarias 2027', 'Secretaría de Hacienda', '15/12/2030'],
    ['Informar el avance del programa de vacunación', 'Secretaría de Salud Pública', null],
  ];
  for (const [i, [texto, responsable, fc]] of acuerdos.entries()) {
    await page.getByRole('textbox', { name: 'Acuerdo', exact: true }).fill(texto);
    await elegir(page, 'Responsable', new RegExp(`^(.* — )?${responsable}$`));
    if (fc) {
      await page.getByRole('textbox', { name: 'Fecha compromiso' }).fill(fc);
      await page.getByRole('textbox', { name: 'Fecha compromiso' }).press('Tab');
    }
    await page.getByRole('button', { name: 'Agregar acuerdo' }).click();
    await expect(page.getByRole('row', { name: new RegExp(`GLA-I-0${i + 1}`) })).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /GLA-I-03/ })).toBeVisible();
  await captura(page, 'gabinete-04-acuerdos');

  // Close the meeting: the dialog lists what will be locked.
  await page.getByRole('button', { name: 'Cerrar reunión y emitir minuta' }).click();
  const dialogo = page.getByRole('dialog', { name: 'Cerrar reunión y emitir minuta' });
  await expect(dialogo.getByTestId('acuerdos-a-bloquear')).toContainText('GLA-I-01');
  await expect(dialogo).toContainText('3 acuerdos');
  await captura(page, 'gabinete-05-cerrar');
  await dialogo.getByRole('button', { name: 'Cerrar y emitir minuta' }).click();
  await expect(page.getByText('Minuta emitida: el texto de los acuerdos está bloqueado')).toBeVisible();
  await expect(page.getByText(/^Minuta - I Reunión de Gabinete Legal y Ampliado/)).toBeVisible({ timeout: 20_000 }); // emitted and listed in Documentos
  await page.getByRole('tab', { name: /Acuerdos/ }).click();
  await expect(page.getByRole('button', { name: 'Agregar acuerdo' })).toHaveCount(0);

  // Seguimiento that concludes the first acuerdo (avance 0 → 100, recorded).
  await page.getByRole('navigation').getByRole('link', { name: 'Gabinete' }).click();
  await page.locator('.mantine-SegmentedControl-root').getByText('Acuerdos', { exact: true }).click();
  await page.getByRole('row', { name: /GLA-I-01/ }).click();
  const panel = page.getByTestId('panel-acuerdo');
  await expect(panel).toContainText('Instalar la mesa estatal de seguridad carretera');
  await panel.getByRole('combobox', { name: 'Estatus' }).click();
  await page.getByRole('option', { name: 'Concluido' }).click();
  await panel.getByRole('textbox', { name: 'Nota' }).fill('La mesa quedó instalada el día de hoy.');
  await panel.getByRole('button', { name: /Registrar seguimiento/ }).click();
  await expect(panel.getByText('Al concluir, el avance pasó de 0 % a 100 %.')).toBeVisible();
  await expect(panel.getByText('Por iniciar → Concluido')).toBeVisible();
  await captura(page, 'gabinete-06-seguimiento');

  // Print the minuta.
  await page.goto(`${sistema.servidor.url}#/gabinete/reuniones`);
  await page.getByRole('row', { name: /I Reunión de Gabinete Legal y Ampliado/ }).dblclick();
  await page.getByRole('tab', { name: 'Documentos' }).click();
  await page.getByRole('button', { name: 'Generar minuta de acuerdos' }).click();
  const minuta = await descargarTexto(page, /Descargar Minuta - I Reunión/);
  expect(minuta).toContain('Minuta de acuerdos');
  expect(minuta).not.toContain('BORRADOR');
  for (const c of ['GLA-I-01', 'GLA-I-02', 'GLA-I-03']) expect(minuta).toContain(c);
  expect(minuta).toContain('Representante: Lic. Jorge Soto');
  await captura(page, 'gabinete-07-documentos');

  // The next meeting of the same tipo and its carpeta estratégica with the two open acuerdos.
  await page.goto(`${sistema.servidor.url}#/gabinete/reuniones/nueva`);
  await elegir(page, 'Tipo de gabinete', 'Gabinete Legal y Ampliado');
  await expect(page.getByTestId('nombre-generado')).toHaveText('II Reunión de Gabinete Legal y Ampliado');
  // Later than the first one (11:30): the carpeta carries forward acuerdos of earlier meetings.
  await page.getByRole('textbox', { name: 'Hora (24 h)' }).fill('17:00');
  await page.getByRole('button', { name: /Guardar reunión/ }).click();
  await expect(page.getByTestId('titulo-reunion')).toHaveText('II Reunión de Gabinete Legal y Ampliado');
  await page.getByRole('tab', { name: 'Documentos' }).click();
  await page.getByRole('button', { name: 'Generar carpeta estratégica' }).click();
  const carpeta = await descargarTexto(page, /Descargar Carpeta estratégica - II Reunión/);
  expect(carpeta).toContain('Seguimiento de acuerdos de reuniones anteriores');
  expect(carpeta).toContain('2 acuerdos abiertos');
  expect(carpeta).toContain('GLA-I-02');
  expect(carpeta).toContain('GLA-I-03');
  expect(carpeta).not.toContain('GLA-I-01');

  // Tablero with charts.
  await page.goto(`${sistema.servidor.url}#/gabinete/tablero`);
  await expect(page.getByText('Estatus (3 acuerdos)')).toBeVisible();
  await expect(page.getByRole('row', { name: /Gabinete Legal y Ampliado/ })).toContainText('1 (33.3 %)');
  await captura(page, 'gabinete-08-tablero');
});

test('gabinete: el Jefe de Oficina consulta e imprime pero no captura', async ({ page, sistema, entrarComo }) => {
  const tipos = await sistema.llamar('catalogos.tiposGabinete.listar', {});
  const coord = await (async () => {
    await sistema.llamar('usuarios.crear', { usuario: 'coordi', nombre: 'Coordi', rol: 'coordinador', contrasena: 'contrasena-segura-1' });
    const r = await sistema.core.call('usuarios.iniciarSesion', { usuario: 'coordi', contrasena: 'contrasena-segura-1' });
    return (r as { ok: true; data: { token: string } }).data.token;
  })();
  const hoy = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo' }).format(new Date());
  await sistema.llamar('gabinete.reuniones.crear', { tipoId: tipos.find((t) => t.clave === 'GR')!.id, tema: 'del Mayo', fecha: hoy, hora: '11:00' }, coord);
  await entrarComo('jefe');
  await page.goto(`${sistema.servidor.url}#/gabinete/reuniones`);
  await expect(page.getByRole('button', { name: 'Nueva reunión' })).toHaveCount(0);
  await page.getByRole('row', { name: /I Reunión de Gabinete Regional del Mayo/ }).dblclick();
  await expect(page.getByRole('button', { name: 'Cerrar reunión y emitir minuta' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Documentos' }).click();
  await expect(page.getByRole('button', { name: 'Generar orden del día' })).toBeVisible();
  await captura(page, 'gabinete-09-jefe');
});

test('gabinete: 1,000 acuerdos en una reunión se muestran y la minuta se imprime', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(240_000);
  page.on('popup', (p) => void p.close());
  const tipos = await sistema.llamar('catalogos.tiposGabinete.listar', {});
  const deps = await sistema.llamar('catalogos.dependencias.listar', {});
  await sistema.llamar('usuarios.crear', { usuario: 'masiva', nombre: 'Coordinación masiva', rol: 'coordinador', contrasena: 'contrasena-segura-1' });
  const r0 = await sistema.core.call('usuarios.iniciarSesion', { usuario: 'masiva', contrasena: 'contrasena-segura-1' });
  const coord = (r0 as { ok: true; data: { token: string } }).data.token;
  const hoy = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo' }).format(new Date());
  const r = await sistema.llamar('gabinete.reuniones.crear', { tipoId: tipos.find((t) => t.clave === 'GL')!.id, fecha: hoy, hora: '09:00' }, coord);
  for (let i = 0; i < 1000; i++) {
    await sistema.core.call('gabinete.acuerdos.crear', { reunionId: r.id, descripcion: `Acuerdo ${i + 1} de la sesión maratónica`, dependenciaId: deps[i % 5].id }, { sesion: coord });
  }
  await entrarComo('jefe');
  await page.goto(`${sistema.servidor.url}#/gabinete/reuniones/${r.id}/acuerdos`);
  // A thousand acuerdos take a while on a loaded machine.
  await expect(page.getByText(/1,000 acuerdos/).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /GL-I-01 / }).first()).toBeVisible();
  await captura(page, 'gabinete-10-mil-acuerdos');
  await page.getByRole('tab', { name: 'Documentos' }).click();
  await page.getByRole('button', { name: 'Generar minuta de acuerdos' }).click();
  const minuta = await descargarTexto(page, /Descargar Minuta/);
  expect(minuta).toContain('Acuerdos (1,000)');
  expect(minuta).toContain('GL-I-1000');
});
