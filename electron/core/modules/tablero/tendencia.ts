/** The 12-week trend of "turnados en 48 h": one point per week, linked to that week's asuntos. */
import type { PuntoTendencia } from '../../../contract/tablero';
import { enlacesCorrespondencia, type SemanaCorrespondencia } from './correspondencia';
import { etiquetaSemana, type Semana } from './semanas';

export function puntoTendencia(s: Semana, c: Pick<SemanaCorrespondencia, 'porcentajeEn48h' | 'turnadosEn48h' | 'medibles48h'>, fuente: PuntoTendencia['fuente']): PuntoTendencia {
  return {
    desde: s.desde,
    hasta: s.hasta,
    etiqueta: etiquetaSemana(s),
    porcentaje: c.porcentajeEn48h,
    turnadosEn48h: c.turnadosEn48h,
    medibles: c.medibles48h,
    fuente,
    enlace: enlacesCorrespondencia.en48h(s),
  };
}
