import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { creado, actualizado } from './comun';
import { anexos, asuntos } from './correspondencia';

/**
 * OCR's persistent queue: one trabajo per anexo (added by a trigger when the anexo is stored), read one
 * page at a time; `leidas` commits with each page's text, so a restart resumes at the next page.
 */
export const ocrTrabajos = sqliteTable(
  'ocr_trabajos',
  {
    anexoId: text('anexo_id').primaryKey().references(() => anexos.id),
    /** Integer key: the anexo's rows in ocr_fts have rowids clave * 100000 + página (deleted by range). */
    clave: integer('clave').notNull(),
    asuntoId: text('asunto_id').notNull().references(() => asuntos.id),
    archivoSha: text('archivo_sha').notNull(),
    estado: text('estado', { enum: ['pendiente', 'leyendo', 'listo', 'error', 'quitado'] }).notNull(),
    /** Number of pages, once the file was opened. */
    paginas: integer('paginas'),
    leidas: integer('leidas').notNull().default(0),
    /** Why it failed or was removed, in Spanish (shown on the anexo). */
    mensaje: text('mensaje').notNull().default(''),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('ocr_trabajos_clave').on(t.clave), index('ocr_trabajos_estado').on(t.estado, t.creado), index('ocr_trabajos_asunto').on(t.asuntoId)],
);

/** Text read from each page of a stored file (by content: the same scan attached twice is read once). */
export const ocrPaginas = sqliteTable(
  'ocr_paginas',
  {
    archivoSha: text('archivo_sha').notNull(),
    pagina: integer('pagina').notNull(),
    texto: text('texto').notNull(),
    /** 'capa': the PDF's own text layer; 'ocr': recognized from the image. */
    metodo: text('metodo', { enum: ['capa', 'ocr'] }).notNull(),
    confianza: integer('confianza'),
    creado: creado(),
  },
  (t) => [primaryKey({ columns: [t.archivoSha, t.pagina] })],
);
