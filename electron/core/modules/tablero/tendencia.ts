/** The 12-week trend of "turnados en 48 h", shared by the tablero and the informe semanal. */
import type { Informe, PuntoTendencia } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { enlacesCorrespondencia, semanaCorrespondencia, type SemanaCorrespondencia } from './correspondencia';
import type { Cifras } from './informeDatos';
import { etiquetaSemana, ultimasSemanas, type Semana } from './semanas';

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

/** The 12-week trend of "turnados en 48 h": the printed figure of weeks with an informe, the data otherwise. */
export function tendencia48h(ctx: Contexto, hasta: Semana, actual?: Cifras, calculadas?: Map<string, SemanaCorrespondencia>): PuntoTendencia[] {
  const semanas = ultimasSemanas(hasta, 12);
  const guardadas = new Map(
    (
      ctx.sqlite
        .prepare(`select semana, datos from tablero_instantaneas where semana >= ? and semana <= ?`)
        .all(semanas[0].desde, hasta.desde) as { semana: string; datos: string }[]
    ).map((f) => [f.semana, (JSON.parse(f.datos) as Informe).correspondencia]),
  );
  return semanas.map((s) => {
    if (actual && s.desde === actual.semana.desde) return puntoTendencia(s, actual.correspondencia, 'datos');
    const g = guardadas.get(s.desde);
    if (g) return puntoTendencia(s, g, 'informe');
    return puntoTendencia(s, calculadas?.get(s.desde) ?? semanaCorrespondencia(ctx, s), 'datos');
  });
}
