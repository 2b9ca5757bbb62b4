/**
 * The desktop app's mode screens (first run, Ajustes › Este equipo, a changed certificate) as the
 * renderer shows them. The page gets a stand-in for the preload bridge: calls go to the real core
 * over browser mode, and `window.sse.modo` answers from a small state in localStorage. What the main
 * process does with the choice (pinning, refusing another certificate, starting the server) is tested
 * for real in tests/unit/shell/estacion.test.ts and arranque.test.ts.
 */
import type { Page } from '@playwright/test';
import { captura, expect, iniciarSesion, test } from './ayuda';

const HUELLA = Array.from({ length: 32 }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0').toUpperCase()).join(':');
const OTRA = Array.from({ length: 32 }, (_, i) => ((i * 53 + 7) % 256).toString(16).padStart(2, '0').toUpperCase()).join(':');

/** Installs the stand-in bridge; `modo` is the stored state the main process would report. */
async function comoEscritorio(page: Page, modo: unknown): Promise<void> {
  await page.addInitScript(
    ({ modo, huella }) => {
      const url = new URL(location.href);
      if (url.searchParams.get('token')) sessionStorage.setItem('falso.token', url.searchParams.get('token')!);
      const token = sessionStorage.getItem('falso.token') ?? '';
      if (localStorage.getItem('falso.modo') === null) localStorage.setItem('falso.modo', JSON.stringify(modo));
      const elegidos: unknown[] = JSON.parse(localStorage.getItem('falso.elegidos') ?? '[]');
      let fuente: EventSource | null = null;
      (window as unknown as { sse: unknown }).sse = {
        async call(method: string, input: unknown, sesion: string | null, clave: string | null) {
          const h: Record<string, string> = { 'Content-Type': 'application/json', 'X-SSE-Token': token };
          if (sesion) h['X-SSE-Sesion'] = sesion;
          if (clave) h['Idempotency-Key'] = clave;
          const r = await fetch(`api/${method}`, { method: 'POST', headers: h, body: JSON.stringify(input ?? {}) });
          return r.json();
        },
        on(evento: string, cb: (d: unknown) => void) {
          fuente ??= new EventSource(`api/eventos?token=${encodeURIComponent(token)}`);
          const f = (ev: Event) => cb(JSON.parse((ev as MessageEvent).data));
          fuente.addEventListener(evento, f);
          return () => fuente?.removeEventListener(evento, f);
        },
        desktop: { imprimir: async () => undefined, guardarComo: async () => ({ guardado: false }), abrir: async () => ({ abierto: false }), mostrarEnCarpeta: async () => ({ mostrado: false }) },
        modo: {
          obtener: async () => JSON.parse(localStorage.getItem('falso.modo')!),
          huella: async (u: string) => ({ ok: true, url: `https://${u.replace(/^https:\/\//, '').replace(/\/$/, '')}/`, huella }),
          async elegir(e: { modo: string; url?: string; huella?: string; puerto?: number }) {
            elegidos.push(e);
            localStorage.setItem('falso.elegidos', JSON.stringify(elegidos));
            localStorage.setItem('falso.modo', JSON.stringify({ modo: e.modo, ...(e.url ? { estacion: { url: e.url, huella: e.huella } } : {}) }));
            return { ok: true };
          },
        },
      };
    },
    { modo, huella: HUELLA },
  );
}

test('primer uso del escritorio: pregunta el modo con «Esta computadora» preseleccionada; la estación confirma la huella', async ({ page, sistema }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await comoEscritorio(page, { modo: null });
  await page.goto(sistema.servidor.urlConToken);
  await expect(page.getByRole('radio', { name: 'Esta computadora' })).toBeChecked();
  await captura(page, 'modo-primer-uso');

  await page.getByRole('radio', { name: 'Estación de trabajo' }).check();
  await page.getByLabel('Dirección del servidor').fill('192.168.1.20:8443');
  await page.getByRole('button', { name: 'Conectar', exact: true }).click();
  await expect(page.locator('[data-huella]')).toHaveText(HUELLA);
  await expect(page.getByLabel('Dirección del servidor')).toHaveValue('https://192.168.1.20:8443/');
  const continuar = page.getByRole('button', { name: 'Continuar' });
  await expect(continuar).toBeDisabled();
  await page.getByLabel('La huella coincide con la del servidor').check();
  await captura(page, 'modo-estacion-huella');
  await expect(continuar).toBeEnabled();

  // Back to the default: the choice is stored and the app goes on to its first-run screen.
  await page.getByRole('radio', { name: 'Esta computadora' }).check();
  await continuar.click();
  await expect(page.getByRole('heading', { name: 'Sistema de Seguimiento del Ejecutivo' })).toBeVisible();
  await expect(page.getByLabel('Nombre completo')).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('falso.elegidos')!))).toEqual([{ modo: 'local' }]);
});

test('Ajustes › Este equipo muestra el modo, la dirección y la huella del servidor, y permite cambiarlo', async ({ page, sistema }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await sistema.admin();
  await comoEscritorio(page, { modo: 'servidor', servidor: { direccion: 'https://192.168.1.20:8443/', puerto: 8443, huella: HUELLA } });
  await page.goto(sistema.servidor.urlConToken);
  await iniciarSesion(page, 'admin');
  await expect(page.locator('[data-servidor]')).toHaveText('Servidor de la oficina (192.168.1.20:8443)');
  await page.goto(`${sistema.servidor.url}#/ajustes/equipo`);
  await expect(page.getByRole('tab', { name: 'Este equipo' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('cell', { name: 'Servidor de la oficina' })).toBeVisible();
  await expect(page.getByText(HUELLA)).toBeVisible();
  await captura(page, 'modo-ajustes');
  await page.getByRole('button', { name: 'Cambiar el modo…' }).click();
  await expect(page.getByRole('radio', { name: 'Servidor de la oficina' })).toBeChecked();
  await expect(page.getByLabel('Puerto')).toHaveValue('8443');
  await captura(page, 'modo-ajustes-cambiar');
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByRole('button', { name: 'Cambiar el modo…' })).toBeVisible();
});

test('otro certificado: aviso con ambas huellas antes de entrar; volver a vincular pide un administrador', async ({ page, sistema }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await comoEscritorio(page, {
    modo: 'estacion', estacion: { url: 'https://192.168.1.20:8443/', huella: OTRA },
    problema: { mensaje: '', esperada: OTRA, recibida: HUELLA },
  });
  await page.goto(sistema.servidor.urlConToken);
  const aviso = page.getByRole('alert').filter({ hasText: 'otro certificado' });
  await expect(aviso).toContainText(OTRA);
  await expect(aviso).toContainText(HUELLA);
  await expect(page.getByLabel('Usuario')).toHaveCount(0); // no sign-in form: nothing is sent to that server
  await page.getByRole('button', { name: 'Conectar', exact: true }).click();
  await page.getByLabel('La huella coincide con la del servidor').check();
  await expect(page.getByLabel('Usuario administrador')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Guardar y reconectar' })).toBeDisabled();
  await captura(page, 'modo-certificado-distinto');
});

test('en el navegador, Ajustes › Este equipo explica que el modo se elige en la aplicación de escritorio', async ({ page, entrarComo, sistema }) => {
  await entrarComo('administrador', 'admin');
  await page.goto(`${sistema.servidor.url}#/ajustes/equipo`);
  await expect(page.getByText('se elige en la aplicación de escritorio')).toBeVisible();
});
