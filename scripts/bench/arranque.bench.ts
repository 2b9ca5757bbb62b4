/**
 * Start-up on the 100k database (issue 15): from opening the core (integrity check, migrations, seed) to
 * answering a sign-in, for the embedded app and for the server (same core, plus the HTTP listener). Run in
 * a fresh process so nothing is warm but the operating system's file cache.
 */
import { asegurarDemo } from './datos';
import { clienteAutenticado, iniciarServidor } from './red';
import { CONTRASENA_DEMO } from '../demo-datos';
import type { Banco } from './medir';

export default async function (b: Banco) {
  await asegurarDemo(b);
  const s = await iniciarServidor(b.opciones.datos, 0);
  try {
    const t = performance.now();
    await clienteAutenticado(s, 'jefe1', CONTRASENA_DEMO);
    const entrar = performance.now() - t;
    b.reportar({ name: 'arranque: núcleo abierto sobre la base (app y servidor)', value: s.nucleoMs, unit: 'ms', budget: null });
    b.reportar({ name: 'arranque: primer inicio de sesión', value: entrar, unit: 'ms', budget: null });
    b.reportar({ name: 'arranque: listo para iniciar sesión (núcleo + servidor + primer inicio de sesión)', value: s.nucleoMs + (s.listoMs - s.nucleoMs - s.cargaMs) + entrar, unit: 'ms', budget: 2000 });
    b.reportar({ name: 'arranque: proceso del servidor hasta aceptar peticiones (incluye compilar el código con tsx)', value: s.listoMs, unit: 'ms', budget: null });
  } finally {
    await s.cerrar();
  }
}
