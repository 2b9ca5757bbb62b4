/**
 * The tablero remembered by section: correspondencia, acuerdos, compromisos and POA are computed apart and
 * each is kept until a committed write touches what it reads, so that registering an asunto recomputes
 * only correspondencia's figures (the others stay) and one computation serves every role. Each section
 * names the families of entidades (as written to the bitácora) it does NOT read; any entidad not named —
 * catalogs, ajustes, a table added tomorrow — refreshes it: forgetting a name costs time, never a stale figure.
 */
import type { Contexto } from '../../contexto';

const FAMILIAS = {
  correspondencia: ['asuntos', 'turnos', 'anexos', 'series_folios', 'contadores_folio'],
  gabinete: ['gab_reuniones', 'gab_acuerdos', 'gab_orden_dia', 'gab_tarjetas', 'gab_funcionarios', 'gab_convocados', 'gab_anexos'],
  compromisos: ['compromiso', 'ped'],
  poa: ['poa_meta', 'poa_trimestre', 'poa_captura', 'poa_anio'],
  oficios: ['oficios', 'oficios_anexos', 'oficios_lote', 'plantillas_oficio'],
  // Nobody's figures: accounts, sign-ins, the OCR queue. (An import names only `importaciones`: it refreshes all.)
  ajenas: ['usuario', 'sesion', 'ocr_trabajos'],
} as const;
type Familia = keyof typeof FAMILIAS;

const salvo = (...leidas: (Familia | string)[]): ReadonlySet<string> =>
  new Set(
    (Object.keys(FAMILIAS) as Familia[])
      .filter((f) => !leidas.includes(f))
      .flatMap((f) => FAMILIAS[f].filter((e) => !leidas.includes(e))),
  );

/**
 * What each section does not depend on. Gabinete's cards read acuerdos, their reuniones and seguimientos,
 * not the orden del día, tarjetas, convocados or anexos; correspondencia's trend also shows the printed
 * figure of weeks with an informe (tablero_instantaneas, which no other section reads).
 */
export const NO_DEPENDE: Record<'correspondencia' | 'acuerdos' | 'compromisos' | 'poa', ReadonlySet<string>> = {
  correspondencia: salvo('correspondencia'),
  acuerdos: new Set([...salvo('gabinete'), 'gab_orden_dia', 'gab_tarjetas', 'gab_funcionarios', 'gab_convocados', 'gab_anexos', 'tablero_instantaneas']),
  compromisos: new Set([...salvo('compromisos'), 'tablero_instantaneas']),
  poa: new Set([...salvo('poa'), 'tablero_instantaneas']),
};

/** A section's figures with the instant they were computed (the tablero shows the oldest one). */
export interface Calculada<T> {
  valor: T;
  calculado: number;
}

/**
 * A section computed once per day until a write it reads commits, or a minute passes (overdue figures and
 * the 48-hour windows move with the clock).
 */
export function seccion<T>(ctx: Contexto, nombre: keyof typeof NO_DEPENDE, hoy: string, calcular: () => T): Calculada<T> {
  return ctx.memoria.recordar(`tablero.${nombre}|${hoy}`, { ahora: ctx.ahora(), vigenciaMs: 60_000, noDependeDe: NO_DEPENDE[nombre] }, () => ({
    valor: calcular(),
    calculado: ctx.ahora(),
  }));
}
