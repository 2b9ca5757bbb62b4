/** Importación (issue #11): bring the office's spreadsheets in — templates, dry run, import all or nothing. */
import { z } from 'zod';
import { metodo, Ok, texto, type Rol } from './comun';
import { ArchivoEntrada } from './correspondencia';

export const TIPOS_IMPORTACION = ['dependencias', 'directorio', 'compromisos', 'acuerdos', 'metas', 'asuntos'] as const;
export const TipoImportacion = z.enum(TIPOS_IMPORTACION, { error: 'Tipo de importación: elija uno de la lista.' });

/** Each kind checks its own roles too (dependencias: administrador; asuntos: capturista; the rest: coordinador). */
const IMPORTADORES: readonly Rol[] = ['capturista', 'coordinador', 'administrador'];

const Entrada = z.object({
  tipo: TipoImportacion,
  archivo: ArchivoEntrada,
  hoja: texto('Hoja', 100).nullable().default(null),
  filaEncabezado: z.number().int().min(1).max(1_000_000).nullable().default(null),
  /** campo → encabezado del archivo (null: no usar). */
  mapeo: z.record(z.string().max(40), z.string().max(300).nullable()).optional(),
  /** campo → (texto del archivo → valor del catálogo): «Cd. Obregón» → Cajeme, once for the whole file. */
  equivalencias: z.record(z.string().max(40), z.record(z.string().max(300), z.string().max(64))).optional(),
  /** Id chosen by the screen to follow progress and cancel. */
  tarea: z.string().max(64).optional(),
});

const Problema = z.object({
  fila: z.number().int(),
  columna: z.string(),
  mensaje: z.string(),
  valor: z.string().optional(),
  sugerencias: z.array(z.string()).optional(),
});
export type Problema = z.infer<typeof Problema>;

const Opcion = z.object({ valor: z.string(), etiqueta: z.string() });
const Conteos = z.object({ filas: z.number().int(), nuevas: z.number().int(), actualizadas: z.number().int(), sinCambio: z.number().int(), conError: z.number().int() });
export type Conteos = z.infer<typeof Conteos>;

export const Simulacion = z.object({
  tipo: TipoImportacion,
  sha256: z.string(),
  hojas: z.array(z.string()),
  hoja: z.string(),
  filaEncabezado: z.number().int(),
  encabezados: z.array(z.string()),
  columnas: z.array(z.object({ campo: z.string(), titulo: z.string(), requerida: z.boolean(), catalogo: z.boolean() })),
  mapeo: z.record(z.string(), z.string().nullable()),
  faltantes: z.array(z.string()),
  conteos: Conteos,
  /** What would change (new, updated, errors first; at most 1,000). */
  registros: z.array(z.object({ filas: z.array(z.number().int()), clave: z.string(), estado: z.enum(['nueva', 'actualizada', 'sin_cambio', 'error']), cambios: z.array(z.object({ campo: z.string(), antes: z.string(), despues: z.string() })) })),
  errores: z.array(Problema),
  avisos: z.array(Problema),
  sinResolver: z.array(z.object({ campo: z.string(), columna: z.string(), texto: z.string(), filas: z.number().int(), sugerencias: z.array(Opcion) })),
  opciones: z.record(z.string(), z.array(Opcion)),
  notas: z.array(z.string()),
});
export type Simulacion = z.infer<typeof Simulacion>;

const Generado = z.object({ archivoId: z.string(), nombre: z.string() });

export const importacion = {
  'importacion.tipos': metodo({
    input: z.object({}).optional(),
    output: z.array(z.object({
      tipo: TipoImportacion,
      nombre: z.string(),
      disponible: z.boolean(),
      columnas: z.array(z.object({ campo: z.string(), titulo: z.string(), requerida: z.boolean(), ayuda: z.string() })),
    })),
    acceso: IMPORTADORES,
  }),
  /** An .xlsx with the headers, one example row, drop-down lists for catalog columns and an «Instrucciones» sheet. */
  'importacion.plantilla': metodo({ input: z.object({ tipo: TipoImportacion }), output: Generado, acceso: IMPORTADORES }),
  /** The dry run: every row validated against the current data; nothing is written. */
  'importacion.simular': metodo({ input: Entrada, output: Simulacion, acceso: IMPORTADORES }),
  /** The original rows plus an «Errores» column. */
  'importacion.errores': metodo({ input: Entrada, output: Generado, acceso: IMPORTADORES }),
  /** All or nothing, in one transaction (progress by `tarea`). */
  'importacion.importar': metodo({
    input: Entrada,
    output: z.object({ id: z.string(), sha256: z.string(), conteos: Conteos, notas: z.array(z.string()) }),
    acceso: IMPORTADORES,
    escritura: true,
  }),
  'importacion.cancelar': metodo({ input: z.object({ tarea: z.string().max(64) }), output: Ok, acceso: IMPORTADORES }),
};
