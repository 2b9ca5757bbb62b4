/** Shared setup for Correspondencia tests: a core, an admin, a capturista, a jefe, and sample files. */
import zlib from 'node:zlib';
import { CONTRASENA, crearPrueba, crearUsuarioYEntrar, iniciarComoAdmin, llamar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

export interface Escenario {
  p: Prueba;
  admin: string;
  cap: string;
  jefe: string;
  dep: Record<string, string>;
  instr: Record<string, string>;
}

export async function escenario(): Promise<Escenario> {
  const p = await crearPrueba();
  const admin = await iniciarComoAdmin(p.core);
  const cap = await crearUsuarioYEntrar(p.core, admin, 'capturista1', 'capturista');
  const jefe = await crearUsuarioYEntrar(p.core, admin, 'jefe1', 'jefe');
  const dep = Object.fromEntries((await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).map((d) => [d.clave, d.id]));
  const instr = Object.fromEntries((await llamar(p.core, 'catalogos.instrucciones.listar', {}, admin)).map((d) => [d.clave, d.id]));
  return { p, admin, cap, jefe, dep, instr };
}

export function datosAsunto(extra: Partial<Input<'correspondencia.registrar'>> = {}): Input<'correspondencia.registrar'> {
  return {
    fechaRecepcion: '2026-11-20',
    horaRecepcion: '09:30',
    remitenteNombre: 'María José Peña Álvarez',
    remitenteCargo: 'Presidenta Municipal',
    remitenteOrganizacion: 'Ayuntamiento de Cajeme',
    municipioClave: '26018',
    oficioNumero: 'PM/0457/2026',
    oficioFecha: '2026-11-18',
    asunto: 'Solicita apoyo para la rehabilitación del camino rural a la comunidad de Pueblo Yaqui',
    observaciones: 'Entregado en ventanilla por su secretario particular',
    ...extra,
  };
}

/** A minimal valid PDF (file-type detects it by its %PDF header). */
export function pdfMinimo(texto = 'Oficio escaneado'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${texto}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

/** A 1×1 PNG. */
export function pngMinimo(): Buffer {
  const crc = (b: Buffer) => {
    let c = ~0;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return (~c >>> 0);
  };
  const chunk = (tipo: string, datos: Buffer) => {
    const t = Buffer.concat([Buffer.from(tipo), datos]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(datos.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(t));
    return Buffer.concat([len, t, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A Windows executable header (MZ … PE), whatever its name says. */
export function exeFalso(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0);
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export const b64 = (b: Buffer) => b.toString('base64');

/** Moves the clock (absolute instant) and signs everyone in again (the idle lock would otherwise trip). */
export async function mover(e: Escenario, ahora: number): Promise<void> {
  e.p.reloj.ahora = ahora;
  const entrar = async (usuario: string) =>
    (await llamar(e.p.core, 'usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA })).token;
  e.admin = await entrar('admin');
  e.cap = await entrar('capturista1');
  e.jefe = await entrar('jefe1');
}
