/**
 * Importación › the pipeline: read the workbook → choose sheet and header row → match columns → plan every
 * row against the database (dry run) → write everything in one transaction, or nothing. The reading stays on
 * the request thread: in a worker thread (jobs/) the same 25,000-row import peaked at 484–494 MB against 326 MB
 * here (a second isolate with the whole core, and the rows copied across), over the 400 MB budget; planning
 * and writing need the one write transaction anyway (the workers' connections are read-only).
 */
import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors';
import type { Contexto } from '../../contexto';
import { leerLibro, MAX_FILAS, type Celda, type Hoja } from './lectura';
import { Revision, type Columna, type DefinicionTipo, type FilaDatos, type Plan, type Problema, type TipoImportacion } from './definicion';
import { DEFINICIONES } from './tipos';
import { clave, palabras, textoDe } from './valores';

export interface OpcionesImportacion {
  tipo: TipoImportacion;
  nombre: string;
  bytes: Buffer;
  hoja?: string | null;
  filaEncabezado?: number | null;
  /** campo → encabezado del archivo (null: no importar esa columna). */
  mapeo?: Record<string, string | null>;
  /** campo → (texto del archivo → valor del catálogo). */
  equivalencias?: Record<string, Record<string, string>>;
}

export interface Lectura {
  hojas: string[];
  hoja: string;
  filaEncabezado: number;
  encabezados: string[];
  mapeo: Record<string, string | null>;
  faltantes: string[];
  filas: FilaDatos[];
  /** Original cells by row number, for the errors workbook. */
  originales: Map<number, Celda[]>;
}

export function definicion(tipo: TipoImportacion): DefinicionTipo {
  const d = DEFINICIONES[tipo];
  if (!d) throw new AppError('VALIDACION', `La importación de «${tipo}» no está disponible.`);
  return d;
}

function coincide(col: Columna, encabezado: string): boolean {
  const k = clave(encabezado);
  return !!k && [col.titulo, ...(col.alias ?? [])].some((t) => clave(t) === k);
}

/** The header row: among the first 30 rows, the one naming most of the kind's columns (title rows above are skipped). */
function detectarEncabezado(hoja: Hoja, columnas: Columna[]): number {
  let mejor = hoja.filas[0]?.numero ?? 1;
  let puntos = -1;
  for (const f of hoja.filas.slice(0, 30)) {
    const p = f.celdas.filter((c) => columnas.some((col) => coincide(col, textoDe(c)))).length;
    if (p > puntos) (puntos = p), (mejor = f.numero);
  }
  return mejor;
}

function memoria(ctx: Contexto, tipo: string, clase: 'columnas' | 'valores'): Record<string, string> {
  const filas = ctx.sqlite.prepare('select clave, valor from importacion_memoria where tipo = ? and clase = ?').all(tipo, clase) as { clave: string; valor: string }[];
  return Object.fromEntries(filas.map((f) => [f.clave, f.valor]));
}

/** What a person chose is remembered per kind (columns) and per column (values), for the next file. */
export function recordar(ctx: Contexto, tipo: string, mapeo: Record<string, string | null>, equivalencias: Record<string, Record<string, string>>) {
  const ins = ctx.sqlite.prepare(
    `insert into importacion_memoria (tipo, clase, clave, valor, actualizado) values (?, ?, ?, ?, ?)
     on conflict (tipo, clase, clave) do update set valor = excluded.valor, actualizado = excluded.actualizado`,
  );
  for (const [campo, enc] of Object.entries(mapeo)) if (enc) ins.run(tipo, 'columnas', campo, enc, ctx.ahora());
  for (const [campo, valores] of Object.entries(equivalencias)) {
    for (const [texto, valor] of Object.entries(valores)) ins.run(tipo, 'valores', `${campo}|${palabras(texto)}`, valor, ctx.ahora());
  }
}

export async function leer(ctx: Contexto, o: OpcionesImportacion): Promise<Lectura> {
  const def = definicion(o.tipo);
  const hojas = await leerLibro(o.bytes, o.nombre);
  const hoja = (o.hoja ? hojas.find((h) => h.nombre === o.hoja) : hojas.find((h) => h.filas.length > 0)) ?? hojas[0];
  if (o.hoja && hoja.nombre !== o.hoja) throw new AppError('VALIDACION', `El libro no tiene una hoja «${o.hoja}».`);
  if (hoja.filas.length === 0) throw new AppError('ARCHIVO', `La hoja «${hoja.nombre}» está vacía: no hay nada que importar.`);
  const filaEncabezado = o.filaEncabezado ?? detectarEncabezado(hoja, def.columnas);
  const enc = hoja.filas.find((f) => f.numero === filaEncabezado);
  if (!enc) throw new AppError('VALIDACION', `La fila ${filaEncabezado} de la hoja «${hoja.nombre}» está vacía; elija la fila de encabezados.`);
  const encabezados = enc.celdas.map((c) => textoDe(c));
  const recordado = memoria(ctx, o.tipo, 'columnas');
  const mapeo: Record<string, string | null> = {};
  for (const col of def.columnas) {
    const pedido = o.mapeo?.[col.campo];
    if (pedido !== undefined) mapeo[col.campo] = pedido && encabezados.includes(pedido) ? pedido : null;
    else if (recordado[col.campo] && encabezados.includes(recordado[col.campo])) mapeo[col.campo] = recordado[col.campo];
    else mapeo[col.campo] = encabezados.find((e) => coincide(col, e)) ?? null;
  }
  const faltantes = def.columnas.filter((c) => c.requerida && !mapeo[c.campo]).map((c) => c.titulo);
  const indices = Object.fromEntries(Object.entries(mapeo).map(([campo, e]) => [campo, e ? encabezados.indexOf(e) : -1]));
  const datos = hoja.filas.filter((f) => f.numero > filaEncabezado);
  if (datos.length > MAX_FILAS) {
    throw new AppError('ARCHIVO', `La hoja tiene ${datos.length.toLocaleString('es-MX')} filas; el máximo por importación es ${MAX_FILAS.toLocaleString('es-MX')}. Divida el archivo en partes.`);
  }
  const filas: FilaDatos[] = datos.map((f) => ({
    fila: f.numero,
    v: Object.fromEntries(Object.entries(indices).map(([campo, i]) => [campo, i >= 0 ? (f.celdas[i] ?? null) : null])),
  }));
  return { hojas: hojas.map((h) => h.nombre), hoja: hoja.nombre, filaEncabezado, encabezados, mapeo, faltantes, filas, originales: new Map(datos.map((f) => [f.numero, f.celdas])) };
}

export function planear(ctx: Contexto, o: OpcionesImportacion, l: Lectura): { revision: Revision; plan: Plan } {
  const def = definicion(o.tipo);
  const recordado = memoria(ctx, o.tipo, 'valores');
  const equivalencias: Record<string, Record<string, string>> = {};
  for (const [k, valor] of Object.entries(recordado)) {
    const [campo, texto] = [k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|') + 1)];
    (equivalencias[campo] ??= {})[texto] = valor;
  }
  for (const [campo, valores] of Object.entries(o.equivalencias ?? {})) {
    for (const [texto, valor] of Object.entries(valores)) (equivalencias[campo] ??= {})[palabras(texto)] = valor;
  }
  const revision = new Revision(o.nombre, def.columnas, equivalencias);
  if (l.faltantes.length) return { revision, plan: { registros: [], notas: [] } };
  return { revision, plan: def.planear(ctx, l.filas, revision) };
}

export interface Conteos {
  filas: number;
  nuevas: number;
  actualizadas: number;
  sinCambio: number;
  conError: number;
}

export function contar(l: Lectura, revision: Revision, plan: Plan): Conteos {
  const estadoFila = new Map<number, string>();
  for (const reg of plan.registros) for (const f of reg.filas) estadoFila.set(f, reg.estado);
  for (const e of revision.errores) estadoFila.set(e.fila, 'error');
  const c: Conteos = { filas: l.filas.length, nuevas: 0, actualizadas: 0, sinCambio: 0, conError: 0 };
  if (l.faltantes.length) return { ...c, conError: l.filas.length };
  for (const f of l.filas) {
    const e = estadoFila.get(f.fila);
    if (e === 'nueva') c.nuevas++;
    else if (e === 'actualizada') c.actualizadas++;
    else if (e === 'sin_cambio') c.sinCambio++;
    else c.conError++;
  }
  return c;
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export class Cancelada extends AppError {
  constructor() {
    super('CANCELADO', 'La importación se canceló: no se guardó nada.');
  }
}

export interface Avance {
  progreso?: (fraccion: number, texto: string) => void;
  /** Checked between records; true rolls everything back. */
  cancelado?: () => boolean;
}

/**
 * Imports all or nothing: the file is read outside the transaction; inside one IMMEDIATE transaction every
 * row is planned again against the current data (two people importing the same file at once: the second
 * finds everything already there), then written; any error rolls back.
 */
export async function importar(ctx: Contexto, o: OpcionesImportacion, av: Avance = {}) {
  av.progreso?.(0.05, 'Leyendo el archivo');
  const l = await leer(ctx, o);
  if (av.cancelado?.()) throw new Cancelada();
  if (l.faltantes.length) throw new AppError('VALIDACION', `Faltan columnas obligatorias: ${l.faltantes.join(', ')}.`);
  const hash = sha256(o.bytes);
  return ctx.transaccion(() => {
    av.progreso?.(0.15, 'Validando las filas');
    const { revision, plan } = planear(ctx, o, l);
    const conteos = contar(l, revision, plan);
    if (conteos.conError > 0) {
      throw new AppError('VALIDACION', `${conteos.conError.toLocaleString('es-MX')} filas tienen errores: corríjalas (vea la simulación) y vuelva a importar. No se guardó nada.`, {
        errores: revision.errores.slice(0, 200),
      });
    }
    const porEscribir = plan.registros.filter((r) => r.aplicar);
    porEscribir.forEach((r, i) => {
      if (av.cancelado?.()) throw new Cancelada();
      r.aplicar!();
      if (i % 200 === 0) av.progreso?.(0.2 + (0.75 * i) / porEscribir.length, `Guardando ${i.toLocaleString('es-MX')} de ${porEscribir.length.toLocaleString('es-MX')}`);
    });
    if (revision.errores.length) throw new AppError('VALIDACION', revision.errores[0].mensaje, { errores: revision.errores });
    plan.despues?.();
    recordar(ctx, o.tipo, l.mapeo, o.equivalencias ?? {});
    const id = uuidv7();
    ctx.sqlite
      .prepare('insert into importaciones (id, tipo, archivo, sha256, filas, nuevas, actualizadas, sin_cambio, usuario_id, momento) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, o.tipo, o.nombre, hash, conteos.filas, conteos.nuevas, conteos.actualizadas, conteos.sinCambio, ctx.actor?.id ?? null, ctx.ahora());
    ctx.bitacora({ entidad: 'importaciones', entidadId: id, despues: { tipo: o.tipo, archivo: o.nombre, sha256: hash, ...conteos } });
    av.progreso?.(1, 'Importación terminada');
    return { id, sha256: hash, conteos, notas: plan.notas };
  });
}

/** The dry run: everything the import would do, row by row, without writing. */
export async function simular(ctx: Contexto, o: OpcionesImportacion) {
  const l = await leer(ctx, o);
  const { revision, plan } = planear(ctx, o, l);
  const conteos = contar(l, revision, plan);
  return { lectura: l, revision, plan, conteos, sha256: sha256(o.bytes) };
}

export type { Problema };
