/** Correspondencia › reportes: acuse, volante, Reporte de Estatus por Dependencia, listados. */
import { z } from 'zod';
import { metodo, Id, Semaforo, fecha } from '../comun';
import { Archivo, LECTORES_CORRESPONDENCIA } from './base';
import { COLUMNAS_LISTADO, FiltrosAsuntos } from './asuntos';

const RangoFechas = z
  .object({ desde: fecha('Desde'), hasta: fecha('Hasta') })
  .refine((r) => r.desde <= r.hasta, { message: 'El periodo no es válido: «Desde» es posterior a «Hasta».', path: ['hasta'] });

export const FilaEstatusDependencia = z.object({
  dependenciaId: Id,
  dependencia: z.string(),
  siglas: z.string(),
  turnos: z.number().int(),
  atendidos: z.number().int(),
  enProceso: z.number().int(),
  noAtendidos: z.number().int(),
  vencidos: z.number().int(),
  prorrogados: z.number().int(),
  /** Returned by the dependencia (devolución): counted apart, outside turnos and semáforo. */
  devueltos: z.number().int(),
  informativos: z.number().int(),
  porcentajeAtendido: z.number().nullable(),
  semaforo: Semaforo,
});

export const ReporteEstatus = z.object({
  desde: z.string(),
  hasta: z.string(),
  filas: z.array(FilaEstatusDependencia),
  totales: FilaEstatusDependencia.omit({ dependenciaId: true, dependencia: true, siglas: true }),
  asuntos: z.number().int(),
  turnadosEn48h: z.number().int(),
  medibles48h: z.number().int(),
  porcentajeEn48h: z.number().nullable(),
  promedioHorasParaTurnar: z.number().nullable(),
});
export type ReporteEstatus = z.infer<typeof ReporteEstatus>;

export const metodosReportes = {
  'correspondencia.reportes.acuse': metodo({ input: z.object({ id: Id }), output: Archivo, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.reportes.volante': metodo({ input: z.object({ id: Id }), output: Archivo, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.reportes.estatusDatos': metodo({ input: RangoFechas, output: ReporteEstatus, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.reportes.estatus': metodo({
    input: z.object({ desde: fecha('Desde'), hasta: fecha('Hasta'), formato: z.enum(['xlsx', 'pdf']) }).refine((r) => r.desde <= r.hasta, {
      message: 'El periodo no es válido: «Desde» es posterior a «Hasta».',
      path: ['hasta'],
    }),
    output: Archivo,
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  'correspondencia.exportar.asuntos': metodo({
    input: FiltrosAsuntos.extend({
      tarea: z.string().max(80).optional(),
      /** The bandeja's visible columns, in screen order (default: its default columns). */
      columnas: z.array(z.enum(COLUMNAS_LISTADO)).max(20).optional(),
    }),
    output: Archivo.extend({ filas: z.number().int() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  'correspondencia.exportar.turnos': metodo({
    input: FiltrosAsuntos.extend({ tarea: z.string().max(80).optional() }),
    output: Archivo.extend({ filas: z.number().int() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
};
