/** Correspondencia › asuntos: registro, bandeja and its filters, edición, anulación, archivo, anexos. */
import { z } from 'zod';
import { metodo, Id, Version, Instante, Semaforo, texto, fecha } from '../comun';
import {
  Anio, Archivo, ArchivoEntrada, CAPTURA_CORRESPONDENCIA, Destinatario, EstatusAsunto, LECTORES_CORRESPONDENCIA, Motivo, Prioridad, TipoAsunto,
} from './base';
import { Asunto, CamposAsunto } from './detalle';

/** Columns of the bandeja and of its listado (same ids). */
export const COLUMNAS_LISTADO = ['folio', 'recepcion', 'remitente', 'asunto', 'estatus', 'turnadoA', 'semaforo', 'plazo', 'tipo', 'prioridad', 'destinatario', 'horas', 'oficio'] as const;
export type ColumnaListado = (typeof COLUMNAS_LISTADO)[number];
export const COLUMNAS_PREDETERMINADAS: readonly ColumnaListado[] = ['folio', 'recepcion', 'remitente', 'asunto', 'estatus', 'turnadoA', 'semaforo', 'plazo'];

const RegistrarAsunto = CamposAsunto.extend({
  /** Series to use; when absent, the series whose default destinatario matches. */
  serieId: Id.nullable().default(null),
  anexos: z.array(ArchivoEntrada).max(20, 'Máximo 20 anexos por registro.').default([]),
});

/** One row of the bandeja (and of the listado de asuntos). */
export const FilaAsunto = z.object({
  id: Id,
  folio: z.string(),
  anio: z.number().int(),
  numero: z.number().int(),
  serieClave: z.string(),
  recibido: Instante,
  fechaRecepcion: z.string(),
  remitente: z.string(),
  remitenteOrganizacion: z.string(),
  asunto: z.string(),
  tipo: TipoAsunto,
  prioridad: Prioridad,
  destinatario: Destinatario,
  estatus: EstatusAsunto,
  turnadoA: z.string(),
  fechaLimite: z.string().nullable(),
  semaforoEstatus: Semaforo,
  semaforoPlazo: Semaforo,
  /** Hours from reception to the first turno (null if not turned). */
  horasParaTurnar: z.number().nullable(),
});
export type FilaAsunto = z.infer<typeof FilaAsunto>;

/** Bandeja filters; the same object drives the listados so "export what I see" is exact. */
export const FiltrosAsuntos = z.object({
  anio: Anio.nullable().optional(),
  serieId: Id.nullable().optional(),
  estatus: z.array(EstatusAsunto).max(6).optional(),
  destinatario: Destinatario.nullable().optional(),
  tipo: TipoAsunto.nullable().optional(),
  prioridad: Prioridad.nullable().optional(),
  dependenciaId: Id.nullable().optional(),
  municipioClave: z.string().max(10).nullable().optional(),
  serieDocumentalId: Id.nullable().optional(),
  /** Words of the remitente's name or organización (accents and case don't matter). */
  remitente: texto('Remitente', 120).optional(),
  desde: fecha('Desde').nullable().optional(),
  hasta: fecha('Hasta').nullable().optional(),
  vencidos: z.boolean().optional(),
  /** The tablero's plazo semáforo of the open asuntos: «en riesgo» or «a tiempo» today. */
  plazo: z.enum(['en_riesgo', 'a_tiempo']).nullable().optional(),
  en48h: z.enum(['si', 'no']).nullable().optional(),
  texto: texto('Búsqueda', 200).optional(),
  orden: z.enum(['folio_desc', 'folio_asc', 'recepcion_desc', 'recepcion_asc']).default('folio_desc'),
});
export type FiltrosAsuntos = z.infer<typeof FiltrosAsuntos>;

const Bandeja = FiltrosAsuntos.extend({
  limite: z.number().int().min(1).max(500).default(50),
  desplazamiento: z.number().int().min(0).max(10_000_000).default(0),
});

const EditarAsunto = CamposAsunto.partial().extend({ id: Id, version: Version });

export const metodosAsuntos = {
  'correspondencia.registrar': metodo({ input: RegistrarAsunto, output: FilaAsunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.obtener': metodo({ input: z.object({ id: Id }), output: Asunto, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.bandeja': metodo({
    input: Bandeja,
    output: z.object({ filas: z.array(FilaAsunto), total: z.number().int() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  'correspondencia.editar': metodo({ input: EditarAsunto, output: Asunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.anular': metodo({ input: z.object({ id: Id, version: Version, motivo: Motivo }), output: Asunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.archivar': metodo({ input: z.object({ id: Id, version: Version, motivo: Motivo }), output: Asunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.remitentes.buscar': metodo({
    input: z.object({ texto: texto('Remitente', 100) }),
    output: z.array(z.object({ nombre: z.string(), cargo: z.string(), organizacion: z.string(), municipioClave: z.string().nullable() })),
    acceso: LECTORES_CORRESPONDENCIA,
  }),

  // Anexos
  'correspondencia.anexos.agregar': metodo({
    input: z.object({ asuntoId: Id, archivo: ArchivoEntrada }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
  /** A stored file of an asunto (anexo or response file), handed out by id for preview/download. */
  'correspondencia.anexos.abrir': metodo({
    input: z.object({ asuntoId: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Identificador de archivo inválido.') }),
    output: Archivo.extend({ tipo: z.string() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
};
