/** Gabinete contract › Printable documents of a reunión and the acuerdos report. */
import { z } from 'zod';
import { metodo, Id } from '../comun';
import { FiltrosAcuerdos } from './acuerdos';
import { Generado, LECTURA_GABINETE } from './base';

const PorReunion = z.object({ reunionId: Id });

export const metodosDocumentos = {
  'gabinete.documentos.convocatoria': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.listaAsistencia': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.ordenDia': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.minuta': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.carpeta': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.acuerdosPorDependencia': metodo({
    input: z.object({ filtros: FiltrosAcuerdos.default({}), formato: z.enum(['pdf', 'xlsx'], { error: 'Formato: elija PDF o Excel.' }) }),
    output: Generado,
    acceso: LECTURA_GABINETE,
  }),
};
