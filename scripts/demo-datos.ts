/**
 * Demo data for Correspondencia: `tsx scripts/demo-datos.ts --asuntos 100000 [--datos DIR] [--anios 5]`.
 * Realistic Spanish text, ~2.5 turnos per asunto, spread over five years up to today, folios per
 * (serie, año) in reception order. Written with prepared statements in big transactions, bypassing the
 * API (it is a bulk load, not what a clerk does); the FTS index and the folio counters are kept consistent.
 * Creates the users admin / capturista1 / jefe1 (contraseña «contrasena-segura-1») if missing.
 */
import path from 'node:path';
import os from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import { createCore, ARCHIVO_BASE } from '../electron/core/app';
import { openDatabase } from '../db/connection';
import { fechaEnZona, anioEnZona } from '../electron/core/tiempo';
import { formatearFolio } from '../electron/core/modules/correspondencia/folio';
import { estatusAsunto, type EstatusTurno } from '../electron/core/modules/correspondencia/reglas';
import { CalendarioLaboral } from '../electron/core/modules/catalogos/calendario';

export const CONTRASENA_DEMO = 'contrasena-segura-1';
const PROVISIONAL_DEMO = 'provisional-demo-1';

type Llamar = (m: string, i: unknown, sesion?: string | null) => Promise<Record<string, unknown>>;

/** A demo user with a known password: created with a provisional one, then changed at first sign-in, as a person would. */
export async function crearUsuarioDemo(llamar: Llamar, admin: string, usuario: string, nombre: string, rol: string): Promise<void> {
  await llamar('usuarios.crear', { usuario, nombre, rol, contrasena: PROVISIONAL_DEMO }, admin);
  const token = (await llamar('usuarios.iniciarSesion', { usuario, contrasena: PROVISIONAL_DEMO })).token as string;
  await llamar('usuarios.cambiarContrasena', { actual: PROVISIONAL_DEMO, nueva: CONTRASENA_DEMO }, token);
}

function argumento(nombre: string, omision: string): string {
  const i = process.argv.indexOf(nombre);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : omision;
}

/** Small deterministic PRNG (mulberry32) so two runs produce the same data. */
function azar(semilla: number) {
  let a = semilla >>> 0;
  const f = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    num: f,
    ent: (min: number, max: number) => min + Math.floor(f() * (max - min + 1)),
    de: <T>(xs: readonly T[]): T => xs[Math.floor(f() * xs.length)],
  };
}

const NOMBRES = ['María', 'José', 'Juan', 'Guadalupe', 'Francisco', 'Ana', 'Luis', 'Carmen', 'Jesús', 'Rosa', 'Miguel Ángel', 'Martha', 'Alejandro', 'Patricia', 'Ramón', 'Lucía', 'Héctor', 'Adriana', 'Óscar', 'Verónica', 'Andrés', 'Sofía', 'Raúl', 'Leticia', 'Sergio', 'Claudia', 'Jorge', 'Yolanda', 'Fernando', 'Irma'];
const APELLIDOS = ['García', 'Hernández', 'López', 'Martínez', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Ruiz', 'Mendoza', 'Aguilar', 'Ortiz', 'Moreno', 'Castillo', 'Romero', 'Álvarez', 'Méndez', 'Chávez', 'Rivera', 'Valenzuela', 'Encinas', 'Durazo', 'Bojórquez', 'Quijada', 'Acuña', 'Yocupicio', 'Búrquez', 'Peña', 'Ibarra'];
const CARGOS = ['Presidente Municipal', 'Presidenta Municipal', 'Secretario del Ayuntamiento', 'Director General', 'Coordinadora', 'Representante', 'Comisariado Ejidal', 'Gobernador Tradicional', 'Diputada Local', 'Diputado Federal', 'Rector', 'Presidente', 'Directora', 'Delegado Federal', 'Síndica Procuradora', ''];
const ORGANIZACIONES = ['Ayuntamiento de {m}', 'Comisariado Ejidal de {m}', 'Asociación de Productores de {m}', 'Universidad de Sonora', 'Instituto Tecnológico de {m}', 'Cámara Nacional de Comercio de {m}', 'Congreso del Estado de Sonora', 'Comité de Padres de Familia de la Escuela Primaria «Benito Juárez» de {m}', 'Unión de Pescadores de {m}', 'Colegio de Ingenieros Civiles de Sonora', 'Ciudadano', 'Ciudadana', 'Sindicato de Trabajadores al Servicio del Estado', 'Patronato de Bomberos de {m}', 'Tribu Yaqui', 'Nación Comcaac', 'Cruz Roja Mexicana, Delegación {m}'];
const SOLICITUDES = ['Solicita apoyo para la rehabilitación del camino rural a {m}', 'Solicita audiencia con el C. Gobernador para tratar asuntos de {t}', 'Invita al C. Gobernador a la inauguración de {o} en {m}', 'Solicita la pavimentación de calles en la colonia Centro de {m}', 'Solicita becas para estudiantes de {m}', 'Presenta queja por falta de agua potable en {m}', 'Solicita apoyo económico para {t}', 'Remite informe de actividades de {t}', 'Solicita la construcción de un aula en la escuela de {m}', 'Solicita atención médica especializada para un familiar', 'Solicita maquinaria para el desazolve de drenes en {m}', 'Solicita apoyo con despensas por la temporada de lluvias en {m}', 'Propone convenio de colaboración en materia de {t}', 'Solicita la regularización de la tenencia de la tierra en {m}', 'Informa sobre la situación de seguridad pública en {m}', 'Solicita empleo temporal para jornaleros de {m}', 'Solicita la reparación del alumbrado público en {m}', 'Invita al foro regional de {t} en {m}', 'Solicita equipamiento para el centro de salud de {m}', 'Agradece el apoyo brindado para {t}'];
const TEMAS = ['salud', 'educación', 'seguridad pública', 'desarrollo agropecuario', 'pesca y acuacultura', 'turismo', 'infraestructura carretera', 'vivienda', 'agua potable', 'cultura', 'deporte', 'medio ambiente', 'desarrollo social', 'minería', 'energía solar', 'transporte público'];
const OBSERVACIONES = ['', '', '', 'Entregado en ventanilla', 'Recibido durante la gira de trabajo', 'Se anexa expediente', 'Con copia a la Secretaría de Gobierno', 'Recibido por correo electrónico institucional', 'Urgente: requiere respuesta inmediata', 'Seguimiento de oficio anterior'];
const MEDIOS = ['ventanilla', 'ventanilla', 'ventanilla', 'correo_postal', 'correo_electronico', 'correo_electronico', 'gira', 'otro'] as const;
const TIPOS = ['oficio', 'oficio', 'oficio', 'peticion', 'peticion', 'invitacion', 'tarjeta', 'correo', 'otro'] as const;

const HORA = 3_600_000;
const DIA = 24 * HORA;

export interface ResultadoDemo {
  asuntos: number;
  turnos: number;
  segundos: number;
}

export async function generarDemo(opts: { dataDir: string; asuntos: number; anios?: number; progreso?: (t: string) => void }): Promise<ResultadoDemo> {
  const t0 = performance.now();
  const dataDir = path.resolve(opts.dataDir);
  const core = await createCore({ dataDir });
  const llamar = async (m: string, i: unknown, sesion: string | null = null) => {
    const r = await core.call(m, i, { sesion });
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.data as Record<string, unknown>;
  };
  const estado = await llamar('usuarios.estado', {});
  let admin: string;
  if (estado.primerUso) {
    admin = (await llamar('usuarios.crearAdministradorInicial', { usuario: 'admin', nombre: 'Administración del Sistema', contrasena: CONTRASENA_DEMO })).token as string;
    await crearUsuarioDemo(llamar, admin, 'capturista1', 'Rosa Elena Valenzuela', 'capturista');
    await crearUsuarioDemo(llamar, admin, 'jefe1', 'Jefe de Oficina', 'jefe');
  }
  core.close();

  const { sqlite } = await openDatabase({ file: path.join(dataDir, ARCHIVO_BASE), migrationsDir: path.resolve('db/migrations') });
  sqlite.pragma('synchronous = NORMAL');
  const r = azar(20221);
  const ahora = Date.now();
  const anios = opts.anios ?? 5;
  const inicio = ahora - anios * 365 * DIA;
  const capturista = (sqlite.prepare("select id from usuarios where usuario = 'capturista1'").get() as { id: string } | undefined)?.id ?? null;
  const series = sqlite.prepare('select id, plantilla, destinatario from series_folios where destinatario is not null').all() as { id: string; plantilla: string; destinatario: string }[];
  const deps = sqlite.prepare('select id from dependencias where activa = 1').all() as { id: string }[];
  const instr = sqlite.prepare('select id, requiere_atencion, dias_habiles from instrucciones_turno where activa = 1').all() as { id: string; requiere_atencion: number; dias_habiles: number }[];
  const municipios = sqlite.prepare('select clave, nombre from municipios').all() as { clave: string; nombre: string }[];
  const cal = new CalendarioLaboral((sqlite.prepare('select fecha from dias_inhabiles where activa = 1').all() as { fecha: string }[]).map((d) => d.fecha));
  const hoy = fechaEnZona(ahora);
  const contadores = new Map<string, number>();
  for (const c of sqlite.prepare('select serie_id, anio, siguiente from contadores_folio').all() as { serie_id: string; anio: number; siguiente: number }[]) {
    contadores.set(`${c.serie_id}:${c.anio}`, c.siguiente);
  }
  let ftsId = ((sqlite.prepare('select max(fts_id) as m from asuntos').get() as { m: number | null }).m ?? 0) + 1;

  const insAsunto = sqlite.prepare(`insert into asuntos (id, fts_id, serie_id, anio, numero, folio, recibido, fecha_recepcion, medio, destinatario, tipo, prioridad,
    remitente_nombre, remitente_cargo, remitente_organizacion, municipio_clave, oficio_numero, oficio_fecha, asunto, serie_documental_id, observaciones,
    estatus, primer_turno, demora_turno, plazo_proximo, anulado, motivo_anulacion, archivado, motivo_archivo, registrado_por, version, creado, actualizado)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
  const insFts = sqlite.prepare('insert into asuntos_fts (rowid, folio, asunto, remitente, oficio, observaciones) values (?, ?, ?, ?, ?, ?)');
  const insTurno = sqlite.prepare(`insert into turnos (id, asunto_id, dependencia_id, instruccion_id, requiere_atencion, turnado, fecha_turno, plazo_original, fecha_limite,
    prorrogas, reaperturas, estatus, atendido, notas, turnado_por, version, creado, actualizado) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '', ?, 0, ?, ?)`);
  const insEvento = sqlite.prepare('insert into asuntos_eventos (asunto_id, momento, usuario_id, usuario, tipo, descripcion, detalle) values (?, ?, ?, ?, ?, ?, null)');
  const insRemitente = sqlite.prepare(`insert into remitentes (id, clave, nombre, cargo, organizacion, municipio_clave, usos, ultimo_uso) values (?, ?, ?, ?, ?, ?, 1, ?)
    on conflict (clave) do update set usos = usos + 1, ultimo_uso = max(ultimo_uso, excluded.ultimo_uso)`);
  const insContador = sqlite.prepare(`insert into contadores_folio (serie_id, anio, siguiente, actualizado) values (?, ?, ?, ?)
    on conflict (serie_id, anio) do update set siguiente = excluded.siguiente, actualizado = excluded.actualizado`);

  // Reception instants in increasing order (folios follow reception order within a year).
  const n = opts.asuntos;
  const paso = (ahora - 6 * HORA - inicio) / n;
  const LOTE = 10_000;
  let turnosTotal = 0;
  const sinAcentos = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

  for (let base = 0; base < n; base += LOTE) {
    sqlite.transaction(() => {
      for (let i = base; i < Math.min(n, base + LOTE); i++) {
        const recibido = Math.floor(inicio + i * paso + r.num() * paso * 0.5);
        const anio = anioEnZona(recibido);
        const s = r.num() < 0.9 ? series.find((x) => x.destinatario === 'titular')! : series.find((x) => x.destinatario === 'jefe_oficina')!;
        const k = `${s.id}:${anio}`;
        const numero = contadores.get(k) ?? 1;
        contadores.set(k, numero + 1);
        const folio = formatearFolio(s.plantilla, anio, numero);
        const mun = r.de(municipios);
        const nombre = `${r.de(NOMBRES)} ${r.de(APELLIDOS)} ${r.de(APELLIDOS)}`;
        const cargo = r.de(CARGOS);
        const org = r.de(ORGANIZACIONES).replace('{m}', mun.nombre);
        const asunto = r.de(SOLICITUDES).replace('{m}', mun.nombre).replace('{t}', r.de(TEMAS));
        const obs = r.de(OBSERVACIONES);
        const oficio = r.num() < 0.7 ? `${org.split(' ').map((w) => w[0]).join('').replace(/[^A-ZÁÉÍÓÚÑ]/gi, '').slice(0, 4).toUpperCase()}/${r.ent(1, 2500)}/${anio}` : '';
        const fechaRecepcion = fechaEnZona(recibido);
        const edadDias = (ahora - recibido) / DIA;
        const anulado = r.num() < 0.005;
        const archivado = !anulado && r.num() < 0.03;
        // ~2.5 turnos per asunto (most 1–4), none for archivados.
        const cuantos = archivado ? 0 : edadDias < 1 && r.num() < 0.5 ? 0 : [1, 1, 2, 2, 3, 3, 3, 3, 4, 4][r.ent(0, 9)];
        const id = uuidv7();
        const turnos: { requiereAtencion: boolean; estatus: EstatusTurno }[] = [];
        let primer: number | null = null;
        const usadas = new Set<number>();
        const filasTurno: unknown[][] = [];
        for (let j = 0; j < cuantos; j++) {
          let d = r.ent(0, deps.length - 1);
          while (usadas.has(d)) d = (d + 1) % deps.length;
          usadas.add(d);
          const ins = r.num() < 0.85 ? instr[0] : r.de(instr);
          const horas = r.num() < 0.8 ? r.num() * 40 : 40 + r.num() * 120;
          const turnado = Math.min(ahora - 60_000, Math.floor(recibido + horas * HORA));
          primer = primer === null ? turnado : Math.min(primer, turnado);
          const fechaTurno = fechaEnZona(turnado);
          const limite = ins.requiere_atencion ? cal.sumarHabiles(fechaTurno, ins.dias_habiles) : null;
          const pAtendido = edadDias > 60 ? 0.85 : edadDias > 15 ? 0.55 : 0.2;
          const x = r.num();
          const estatus: EstatusTurno = x < pAtendido ? 'atendido' : x < pAtendido + 0.2 ? 'en_proceso' : 'pendiente';
          const prorrogas = limite && r.num() < 0.08 ? 1 : 0;
          const fechaLimite = prorrogas && limite ? cal.sumarHabiles(limite, 10) : limite;
          const atendido = estatus === 'atendido' ? Math.min(ahora - 1000, turnado + r.ent(1, 20) * DIA) : null;
          turnos.push({ requiereAtencion: !!ins.requiere_atencion, estatus });
          filasTurno.push([uuidv7(), id, deps[d].id, ins.id, ins.requiere_atencion, turnado, fechaTurno, limite, fechaLimite, prorrogas, estatus, atendido, capturista, turnado, turnado]);
        }
        const estatus = estatusAsunto({ anulado, archivado, turnos });
        let plazoProximo: string | null = null;
        if (!anulado) for (const t of filasTurno) if (t[4] && t[10] !== 'atendido' && t[8] && (!plazoProximo || (t[8] as string) < plazoProximo)) plazoProximo = t[8] as string;
        insAsunto.run(
          id, ftsId, s.id, anio, numero, folio, recibido, fechaRecepcion, r.de(MEDIOS), s.destinatario, r.de(TIPOS), r.num() < 0.1 ? 'urgente' : 'normal',
          nombre, cargo, org, mun.clave, oficio, oficio ? fechaRecepcion : null, asunto, obs, estatus, primer, primer === null ? null : primer - recibido, plazoProximo,
          anulado ? 1 : 0, anulado ? 'Registro duplicado' : null, archivado ? 1 : 0, archivado ? 'Solo para conocimiento; no requiere turno' : null,
          capturista, recibido, recibido,
        );
        insFts.run(ftsId, folio, asunto, [nombre, cargo, org].filter(Boolean).join(' '), oficio, obs);
        ftsId++;
        for (const t of filasTurno) insTurno.run(...t);
        turnosTotal += filasTurno.length;
        insEvento.run(id, recibido, capturista, 'Rosa Elena Valenzuela', 'registro', `Registro con folio ${folio}`);
        insRemitente.run(uuidv7(), [nombre, cargo, org].map(sinAcentos).join('|'), nombre, cargo, org, mun.clave, recibido);
      }
      for (const [k, v] of contadores) {
        const [serie, anio] = k.split(':');
        insContador.run(serie, Number(anio), v, ahora);
      }
    })();
    const hechos = Math.min(n, base + LOTE);
    opts.progreso?.(`asuntos ${hechos.toLocaleString('es-MX')} de ${n.toLocaleString('es-MX')} · turnos ${turnosTotal.toLocaleString('es-MX')} · ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  sqlite.pragma('optimize');
  sqlite.exec('analyze');
  sqlite.close();
  void hoy;
  return { asuntos: n, turnos: turnosTotal, segundos: (performance.now() - t0) / 1000 };
}

const esPrincipal = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('scripts', 'demo-datos.ts'));
if (esPrincipal) {
  const asuntos = Number(argumento('--asuntos', '10000'));
  const dataDir = argumento('--datos', path.join(os.tmpdir(), 'sse-demo'));
  const anios = Number(argumento('--anios', '5'));
  // No top-level await: the load bench bundles a file that imports this one into CommonJS.
  void generarDemo({
    dataDir,
    asuntos,
    anios,
    progreso: (t) => process.stderr.write(`\r${t}   `),
  }).then((res) => {
    process.stderr.write('\n');
    console.log(`Listo: ${res.asuntos.toLocaleString('es-MX')} asuntos y ${res.turnos.toLocaleString('es-MX')} turnos en ${res.segundos.toFixed(1)} s → ${dataDir}`);
    console.log('Usuarios: admin, capturista1, jefe1 (contraseña «contrasena-segura-1»).');
  });
}
