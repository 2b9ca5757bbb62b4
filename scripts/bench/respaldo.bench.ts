/**
 * Respaldos at 100k asuntos with 200 anexos (issue 10): a verified backup (budget 20 s), a restore into
 * a copy of the data directory (safety backup included; budget 30 s), each in its own process so its
 * peak memory is its own (budget 300 MB), and the round trip: identical row counts and file hashes,
 * bitácora verified.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/app';
import { contarFilas } from '../../electron/core/modules/respaldo/manifiesto';
import { verificarCadena } from '../../electron/core/modules/bitacora/cadena';
import { CONTRASENA_DEMO } from '../demo-datos';
import { asegurarDemo } from './datos';
import { correrHijo, type Banco } from './medir';

const ANEXOS = 200;

/** A PDF-looking file of ~150 KB with unique content (scans are not compressible either). */
function pdfDeDemo(i: number): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% anexo de demostración ${i}\n`), crypto.randomBytes(150 * 1024), Buffer.from('\n%%EOF\n')]);
}

async function asegurarAnexos(b: Banco, datos: string, archivo: string): Promise<void> {
  const db = new Database(archivo, { readonly: true });
  const hay = db.prepare('select count(*) from archivos').pluck().get() as number;
  db.close();
  if (hay >= ANEXOS) return;
  b.avisar(`Agregando ${ANEXOS - hay} anexos de demostración…`);
  const core = await createCore({ dataDir: datos });
  try {
    const s = await core.call('usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: CONTRASENA_DEMO });
    if (!s.ok) throw new Error(s.error.message);
    const sesion = (s.data as { token: string }).token;
    for (let i = hay; i < ANEXOS; i++) {
      const r = await core.call(
        'correspondencia.registrar',
        {
          fechaRecepcion: '2026-11-20', horaRecepcion: '09:00', remitenteNombre: `Remitente con anexo ${i}`, asunto: `Oficio escaneado número ${i}`,
          anexos: [{ nombre: `oficio-${i}.pdf`, contenidoBase64: pdfDeDemo(i).toString('base64') }],
        },
        { sesion },
      );
      if (!r.ok) throw new Error(r.error.message);
    }
  } finally {
    core.close();
  }
}

const hijo = (args: string[]) => correrHijo<{ ms: number; rssMb: number; ruta: string }>('scripts/bench/respaldo-hijo.ts', args);

function huellas(dataDir: string): string {
  const dir = path.join(dataDir, 'archivos');
  const h = crypto.createHash('sha256');
  const db = new Database(path.join(dataDir, 'seguimiento.sqlite'), { readonly: true });
  for (const sha of db.prepare('select sha256 from archivos order by sha256').pluck().all() as string[]) {
    h.update(sha).update(crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, sha.slice(0, 2), sha))).digest('hex'));
  }
  db.close();
  return h.digest('hex');
}

function conteos(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, 'seguimiento.sqlite'), { readonly: true });
  try {
    return contarFilas(db);
  } finally {
    db.close();
  }
}

export default async function (b: Banco) {
  const { datos } = b.opciones;
  const archivo = await asegurarDemo(b);
  await asegurarAnexos(b, datos, archivo);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-bench-respaldo-'));
  try {
    b.avisar('Respaldando…');
    fs.mkdirSync(path.join(tmp, 'destino'));
    const r = hijo(['respaldar', datos, path.join(tmp, 'destino')]);
    b.reportar({ name: `respaldo: copia verificada (${b.opciones.asuntos.toLocaleString('es-MX')} asuntos + ${ANEXOS} anexos)`, value: r.ms / 1000, unit: 's', budget: 20 });
    b.reportar({ name: 'respaldo: memoria máxima del proceso', value: r.rssMb, unit: 'MB', budget: 300 });
    b.reportar({ name: 'respaldo: tamaño', value: fs.statSync(path.join(r.ruta, 'seguimiento.sqlite')).size / 1024 / 1024, unit: 'MB', budget: null });

    // Restore into a copy of the live data (so the safety backup has real work), then compare.
    const destinoRestaurado = path.join(tmp, 'datos');
    fs.cpSync(datos, destinoRestaurado, { recursive: true, filter: (f) => !f.endsWith('.lock') && !f.includes(`${path.sep}respaldos`) });
    b.avisar('Restaurando…');
    const s = hijo(['restaurar', destinoRestaurado, r.ruta]);
    b.reportar({ name: 'restauración: con respaldo de seguridad y bitácora verificada', value: s.ms / 1000, unit: 's', budget: 30 });
    b.reportar({ name: 'restauración: memoria máxima del proceso', value: s.rssMb, unit: 'MB', budget: 300 });

    const antes = conteos(datos);
    const despues = conteos(destinoRestaurado);
    // A restore adds its own bitácora entry and never brings sessions back (none acts on restored data).
    const distintas = Object.keys(antes).filter((t) => t !== 'sesiones' && (t === 'bitacora' ? despues[t] !== antes[t] + 1 : despues[t] !== antes[t]));
    const db = new Database(path.join(destinoRestaurado, 'seguimiento.sqlite'), { readonly: true });
    const cadena = verificarCadena(db);
    db.close();
    const iguales = distintas.length === 0 && huellas(datos) === huellas(destinoRestaurado) && cadena.integra;
    if (!iguales) b.avisar(`Ida y vuelta distinta: tablas ${distintas.join(', ')}; bitácora íntegra: ${cadena.integra}`);
    b.reportar({ name: 'respaldo y restauración: conteos, huellas y bitácora idénticos (1 = sí)', value: iguales ? 1 : 0, unit: 'sí/no', budget: null });
    if (!iguales) b.reportar({ name: 'respaldo y restauración: diferencias', value: distintas.length + 1, unit: 'tablas', budget: 0 });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
