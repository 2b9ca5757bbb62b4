import { test, expect, captura, iniciarSesion, CONTRASENA } from './ayuda';

test('primer uso: el administrador crea una capturista y una dependencia; la capturista solo ve lo suyo', async ({ page, sistema }) => {
  await page.goto(sistema.servidor.urlConToken);
  // The token leaves the address bar once read.
  await expect(page).not.toHaveURL(/token=/);

  await expect(page.getByText('Configuración inicial')).toBeVisible();
  await captura(page, 'fundacion-01-primer-uso');
  await page.getByLabel('Nombre completo').fill('María Administradora');
  await page.getByLabel('Usuario').fill('admin');
  await page.getByLabel('Contraseña', { exact: true }).fill('corta');
  await page.getByLabel('Confirme la contraseña').fill('corta');
  await page.getByRole('button', { name: 'Crear administrador y entrar' }).click();
  await expect(page.getByText('La contraseña debe tener al menos 8 caracteres.')).toBeVisible();
  await page.getByLabel('Contraseña', { exact: true }).fill(CONTRASENA);
  await page.getByLabel('Confirme la contraseña').fill(CONTRASENA);
  await page.getByRole('button', { name: 'Crear administrador y entrar' }).click();
  await expect(page.getByText('María Administradora')).toBeVisible();
  await expect(page).toHaveTitle(/María Administradora \(Administrador\)/);

  // Users: create a capturista.
  await page.getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('tab', { name: 'Usuarios' }).click();
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const nuevo = page.getByRole('dialog', { name: 'Nuevo usuario' });
  await nuevo.getByLabel('Nombre completo').fill('Carlos Capturista');
  await nuevo.getByLabel('Usuario', { exact: true }).fill('carlos');
  await nuevo.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: 'Capturista de correspondencia' }).click();
  await nuevo.getByLabel('Contraseña inicial').fill(CONTRASENA);
  await nuevo.getByRole('button', { name: 'Crear usuario' }).click();
  await expect(page.getByText('Usuario «carlos» creado.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Carlos Capturista/ })).toBeVisible();
  await captura(page, 'fundacion-02-usuarios');

  // Catalog: create a dependencia; a duplicate clave is refused with a Spanish message.
  await page.getByRole('link', { name: 'Catálogos' }).click();
  await expect(page.getByRole('row', { name: /Secretaría de Gobierno/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nueva dependencia' }).click();
  const dep = page.getByRole('dialog', { name: 'Nueva dependencia' });
  await dep.getByLabel('Clave').fill('segob');
  await dep.getByLabel('Nombre', { exact: true }).fill('Duplicada');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Ya existe la dependencia con la clave «SEGOB».').first()).toBeVisible();
  await dep.getByLabel('Clave').fill('SEDESSON');
  await dep.getByLabel('Nombre', { exact: true }).fill('Secretaría de Desarrollo Social');
  await dep.getByLabel('Siglas').fill('SEDESSON');
  await dep.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('row', { name: /Secretaría de Desarrollo Social/ })).toBeVisible();
  await captura(page, 'fundacion-03-catalogos');
  expect((await sistema.llamar('catalogos.dependencias.listar', {}, undefined)).some((d) => d.clave === 'SEDESSON')).toBe(true);

  // Sign out; the capturista sees only what the role may.
  await page.getByRole('button', { name: /cerrar sesión/i }).click();
  await iniciarSesion(page, 'carlos');
  // The password the administrator gave is provisional: the first sign-in asks for a new one.
  await page.getByLabel('Contraseña provisional').fill(CONTRASENA);
  await page.getByLabel('Contraseña nueva', { exact: true }).fill('carlos-elige-la-suya');
  await page.getByLabel('Confirme la contraseña nueva').fill('carlos-elige-la-suya');
  await captura(page, 'fundacion-04a-contrasena-provisional');
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await expect(page).toHaveTitle(/Carlos Capturista \(Capturista de correspondencia\)/);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Correspondencia' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Catálogos' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Ajustes' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Gabinete' })).toHaveCount(0);
  await page.goto(`${sistema.servidor.url}#/ajustes/usuarios`);
  await expect(page.getByText('Su rol no tiene acceso a esta sección')).toBeVisible();
  await captura(page, 'fundacion-04-capturista');
});

test('contraseña equivocada: mensaje en español que dice cuándo se bloquea', async ({ page, sistema }) => {
  await sistema.admin();
  await page.goto(sistema.servidor.urlConToken);
  await page.getByLabel('Usuario').fill('admin');
  await page.getByLabel('Contraseña').fill('equivocada');
  await page.getByRole('button', { name: 'Entrar' }).click();
  // The same message for a wrong user or a wrong password (it never tells whether the account exists).
  await expect(page.getByText(/Usuario o contraseña incorrectos\. Después de 5 intentos fallidos la cuenta se bloquea 15 minutos/)).toBeVisible();
});
