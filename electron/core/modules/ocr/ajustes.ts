/** OCR settings, kept in the shared settings table under their own key, and the working-hours rule. */
import type { AjustesOcr } from '../../../contract/ocr';
import type { Contexto } from '../../contexto';
import { fechaEnZona, partesEnZona } from '../../tiempo';

const CLAVE = 'ocr';

export const AJUSTES_OCR_INICIALES: AjustesOcr = { activo: true, soloHorarioLaboral: false, horaInicio: '08:00', horaFin: '15:00' };

export function leerAjustesOcr(ctx: Pick<Contexto, 'sqlite'>): AjustesOcr {
  const fila = ctx.sqlite.prepare('select valor from ajustes where clave = ?').get(CLAVE) as { valor: string } | undefined;
  return { ...AJUSTES_OCR_INICIALES, ...(fila ? (JSON.parse(fila.valor) as Partial<AjustesOcr>) : {}) };
}

export function escribirAjustesOcr(ctx: Contexto, a: AjustesOcr): void {
  ctx.sqlite
    .prepare(
      `insert into ajustes (clave, valor, version, actualizado) values (?, ?, 1, ?)
       on conflict (clave) do update set valor = excluded.valor, version = version + 1, actualizado = excluded.actualizado`,
    )
    .run(CLAVE, JSON.stringify(a), ctx.ahora());
}

/** Whether the reader may work now: on, and (if so limited) a día hábil within the office hours. */
export function puedeLeer(a: AjustesOcr, ahora: number, tz: string, esHabil: (fecha: string) => boolean): boolean {
  if (!a.activo) return false;
  if (!a.soloHorarioLaboral) return true;
  const p = partesEnZona(ahora, tz);
  const hhmm = `${String(p.hora).padStart(2, '0')}:${String(p.minuto).padStart(2, '0')}`;
  return esHabil(fechaEnZona(ahora, tz)) && hhmm >= a.horaInicio && hhmm < a.horaFin;
}
