/** Importación handlers: kinds, templates, dry run, errors workbook, import (all or nothing), cancel. */
import { AppError } from '../../errors';
import { actorDe, type Contexto, type Handlers, escrituraAsincrona } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import { ROL_ETIQUETA as ETIQUETA_ROL } from '../../../contract/comun';
import { TIPOS_IMPORTACION, type DefinicionTipo } from './definicion';
import { DEFINICIONES } from './tipos';
import { definicion, importar, simular, type OpcionesImportacion } from './proceso';
import { escribirErrores, escribirPlantilla } from './libros';

export { importar, simular } from './proceso';

type Entrada = ParsedInput<'importacion.simular'>;

/** Tasks being imported now, by id: `importacion.cancelar` marks them. */
const cancelaciones = new Set<string>();

function permitido(ctx: Contexto, def: DefinicionTipo) {
  const rol = actorDe(ctx).rol;
  if (!def.roles.includes(rol)) {
    throw new AppError('PROHIBIDO', `Su rol (${ETIQUETA_ROL[rol]}) no permite importar ${def.nombre.toLowerCase()}.`);
  }
}

function opciones(ctx: Contexto, input: Entrada): OpcionesImportacion {
  const def = definicion(input.tipo);
  permitido(ctx, def);
  return {
    tipo: input.tipo, nombre: input.archivo.nombre, bytes: Buffer.from(input.archivo.contenidoBase64, 'base64'),
    hoja: input.hoja, filaEncabezado: input.filaEncabezado, mapeo: input.mapeo, equivalencias: input.equivalencias,
  };
}

const ORDEN = { error: 0, actualizada: 1, nueva: 2, sin_cambio: 3 } as const;

export const importacionHandlers = {
  'importacion.tipos': () =>
    TIPOS_IMPORTACION.map((tipo) => {
      const d = DEFINICIONES[tipo];
      return {
        tipo, nombre: d.nombre, disponible: true,
        columnas: d.columnas.map((c) => ({ campo: c.campo, titulo: c.titulo, requerida: !!c.requerida, ayuda: c.ayuda })),
      };
    }),

  'importacion.plantilla': async (ctx, input) => {
    const def = definicion(input.tipo);
    const g = ctx.generados.nuevo(`Plantilla ${def.nombre}.xlsx`, ctx.sesion);
    await escribirPlantilla(ctx, def, g.ruta);
    return { archivoId: g.id, nombre: g.nombre };
  },

  'importacion.simular': async (ctx, input) => {
    const o = opciones(ctx, input);
    const def = definicion(input.tipo);
    const s = await simular(ctx, o);
    const registros = [...s.plan.registros].filter((r) => r.estado !== 'sin_cambio').sort((a, b) => ORDEN[a.estado] - ORDEN[b.estado]).slice(0, 1000);
    return {
      tipo: input.tipo, sha256: s.sha256, hojas: s.lectura.hojas, hoja: s.lectura.hoja, filaEncabezado: s.lectura.filaEncabezado,
      encabezados: s.lectura.encabezados,
      columnas: def.columnas.map((c) => ({ campo: c.campo, titulo: c.titulo, requerida: !!c.requerida, catalogo: !!c.catalogo })),
      mapeo: s.lectura.mapeo, faltantes: s.lectura.faltantes, conteos: s.conteos,
      registros: registros.map(({ filas, clave, estado, cambios }) => ({ filas, clave, estado, cambios })),
      errores: s.revision.errores.slice(0, 1000), avisos: s.revision.avisos.slice(0, 500),
      sinResolver: [...s.revision.sinResolver.values()].sort((a, b) => b.filas - a.filas).slice(0, 200),
      opciones: s.revision.opciones, notas: s.plan.notas,
    };
  },

  'importacion.errores': async (ctx, input) => {
    const o = opciones(ctx, input);
    const s = await simular(ctx, o);
    const g = ctx.generados.nuevo(`Errores ${o.nombre.replace(/\.(xlsx|csv)$/i, '')}.xlsx`, ctx.sesion);
    await escribirErrores(g.ruta, s.lectura.encabezados, s.lectura.originales, s.revision.errores);
    return { archivoId: g.id, nombre: g.nombre };
  },

  'importacion.importar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'importacion.importar'>) => {
    const o = opciones(ctx, input);
    const tarea = input.tarea;
    try {
      return await importar(ctx, o, {
        progreso: tarea ? (fraccion, texto) => ctx.progreso({ tarea, fraccion, texto }) : undefined,
        cancelado: tarea ? () => cancelaciones.has(tarea) : undefined,
      });
    } finally {
      if (tarea) cancelaciones.delete(tarea);
    }
  }),

  'importacion.cancelar': (_ctx, input) => {
    cancelaciones.add(input.tarea);
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
