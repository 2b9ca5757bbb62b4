/** Every editable catalog shares one behaviour: list, create/update with version check, (de)activate, delete if unused. */
import { asc, eq, and, ne, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import * as schema from '../../../../db/schema';
import { AppError, conflicto, noEncontrado } from '../../errors';
import type { Contexto, Handlers } from '../../contexto';
import { festivosOficiales } from './calendario';

interface Definicion {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tabla: SQLiteTableWithColumns<any>;
  /** Column that must be unique, and how the user calls it. */
  unico: { campo: string; etiqueta: string };
  /** "la dependencia", "la instrucción"… */
  entidad: string;
  orden: string;
}

const DEFINICIONES = {
  dependencias: { tabla: schema.dependencias, unico: { campo: 'clave', etiqueta: 'la clave' }, entidad: 'la dependencia', orden: 'nombre' },
  unidades: { tabla: schema.unidades, unico: { campo: 'clave', etiqueta: 'la clave' }, entidad: 'la unidad administrativa', orden: 'nombre' },
  tiposGabinete: { tabla: schema.tiposGabinete, unico: { campo: 'clave', etiqueta: 'la clave' }, entidad: 'el tipo de gabinete', orden: 'nombre' },
  seriesDocumentales: { tabla: schema.seriesDocumentales, unico: { campo: 'clave', etiqueta: 'la clave' }, entidad: 'la serie documental', orden: 'clave' },
  instrucciones: { tabla: schema.instrucciones, unico: { campo: 'clave', etiqueta: 'la clave' }, entidad: 'la instrucción de turno', orden: 'nombre' },
  diasInhabiles: { tabla: schema.diasInhabiles, unico: { campo: 'fecha', etiqueta: 'la fecha' }, entidad: 'el día inhábil', orden: 'fecha' },
} satisfies Record<string, Definicion>;

type Nombre = keyof typeof DEFINICIONES;
type Fila = Record<string, unknown> & { id: string; version: number; activa: boolean };

function col(d: Definicion, campo: string): SQLiteColumn {
  return d.tabla[campo] as SQLiteColumn;
}

function buscar(ctx: Contexto, d: Definicion, id: string): Fila {
  const fila = ctx.db.select().from(d.tabla).where(eq(col(d, 'id'), id)).get() as Fila | undefined;
  if (!fila) throw noEncontrado(d.entidad);
  return fila;
}

function sinAuditoria({ creado: _c, actualizado: _a, ...resto }: Fila) {
  return resto;
}

function verificarUnico(ctx: Contexto, d: Definicion, valor: unknown, id?: string) {
  const cond: SQL[] = [eq(col(d, d.unico.campo), valor)];
  if (id) cond.push(ne(col(d, 'id'), id));
  if (ctx.db.select({ id: col(d, 'id') }).from(d.tabla).where(and(...cond)).get()) {
    throw new AppError('DUPLICADO', `Ya existe ${d.entidad} con ${d.unico.etiqueta} «${String(valor)}».`, { campo: d.unico.campo });
  }
}

function handlersDe<N extends Nombre>(nombre: N) {
  const d: Definicion = DEFINICIONES[nombre];
  const listar = (ctx: Contexto, input?: { incluirInactivas: boolean }) =>
    (ctx.db
      .select()
      .from(d.tabla)
      .where(input?.incluirInactivas ? undefined : eq(col(d, 'activa'), true))
      .orderBy(asc(col(d, d.orden)))
      .all() as Fila[]).map(sinAuditoria);

  const guardar = (ctx: Contexto, input: Record<string, unknown> & { id?: string; version?: number }) => {
    const { id, version, ...datos } = input;
    verificarUnico(ctx, d, datos[d.unico.campo], id);
    const ahora = ctx.ahora();
    if (!id) {
      const fila = ctx.db.insert(d.tabla).values({ ...datos, id: uuidv7(), creado: ahora, actualizado: ahora }).returning().get() as Fila;
      ctx.bitacora({ entidad: nombre, entidadId: fila.id, despues: sinAuditoria(fila) });
      return sinAuditoria(fila);
    }
    const antes = buscar(ctx, d, id);
    if (version === undefined || antes.version !== version) throw conflicto(d.entidad);
    const fila = ctx.db
      .update(d.tabla)
      .set({ ...datos, version: antes.version + 1, actualizado: ahora })
      .where(eq(col(d, 'id'), id))
      .returning()
      .get() as Fila;
    ctx.bitacora({ entidad: nombre, entidadId: id, antes: sinAuditoria(antes), despues: sinAuditoria(fila) });
    return sinAuditoria(fila);
  };

  const cambiarActiva = (ctx: Contexto, input: { id: string; version: number; activa: boolean }) => {
    const antes = buscar(ctx, d, input.id);
    if (antes.version !== input.version) throw conflicto(d.entidad);
    const fila = ctx.db
      .update(d.tabla)
      .set({ activa: input.activa, version: antes.version + 1, actualizado: ctx.ahora() })
      .where(eq(col(d, 'id'), input.id))
      .returning()
      .get() as Fila;
    ctx.bitacora({ entidad: nombre, entidadId: input.id, antes: sinAuditoria(antes), despues: sinAuditoria(fila) });
    return sinAuditoria(fila);
  };

  /** Only records nothing refers to can be deleted; the foreign keys tell (the router maps the failure to EN_USO). */
  const eliminar = (ctx: Contexto, input: { id: string }) => {
    const antes = buscar(ctx, d, input.id);
    try {
      ctx.db.delete(d.tabla).where(eq(col(d, 'id'), input.id)).run();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError('EN_USO', `No se puede eliminar ${d.entidad} porque otros registros la usan. Puede desactivarla.`);
      }
      throw e;
    }
    ctx.bitacora({ entidad: nombre, entidadId: input.id, antes: sinAuditoria(antes) });
    return { ok: true as const };
  };

  return {
    [`catalogos.${nombre}.listar`]: listar,
    [`catalogos.${nombre}.guardar`]: guardar,
    [`catalogos.${nombre}.cambiarActiva`]: cambiarActiva,
    [`catalogos.${nombre}.eliminar`]: eliminar,
  };
}

export const catalogosHandlers = {
  ...(Object.assign({}, ...(Object.keys(DEFINICIONES) as Nombre[]).map(handlersDe)) as Pick<
    Handlers,
    `catalogos.${Nombre}.${'listar' | 'guardar' | 'cambiarActiva' | 'eliminar'}`
  >),
  'catalogos.municipios.listar': (ctx) => ctx.db.select().from(schema.municipios).orderBy(schema.municipios.nombre).all(),
  'catalogos.diasInhabiles.calendario': (ctx, input) => {
    const propios = ctx.db
      .select()
      .from(schema.diasInhabiles)
      .where(eq(schema.diasInhabiles.activa, true))
      .all()
      .filter((d) => d.fecha.startsWith(`${input.anio}-`))
      .map((d) => ({ fecha: d.fecha, descripcion: d.descripcion, oficial: false }));
    return [...festivosOficiales(input.anio), ...propios].sort((a, b) => a.fecha.localeCompare(b.fecha));
  },
} satisfies Partial<Handlers>;
