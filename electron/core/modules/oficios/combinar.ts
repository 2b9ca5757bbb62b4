/**
 * Merge fields of the oficio plantillas (pure). `{destinatario.nombre}` and the other text fields are
 * replaced by their values; a table field (`{turnos_vencidos}`) stands alone on its line and stays in the
 * body as a marker that the PDF prints as a table. Unknown fields are refused when a plantilla is saved.
 * Placeholders are read as the folio series read theirs (contract/marcadores).
 */
import { LLAVES_SUELTAS, marcadoresDe, reemplazarMarcadores, tieneLlavesSueltas } from '../../../contract/marcadores';
import { CAMPOS_TABLA, CAMPOS_TEXTO, type CampoTabla } from '../../../contract/oficios';

export type ValoresCampos = Partial<Record<keyof typeof CAMPOS_TEXTO, string>>;

export function esCampoTabla(nombre: string): nombre is CampoTabla {
  return Object.hasOwn(CAMPOS_TABLA, nombre);
}

/** A line that is only a table marker, e.g. "{turnos_vencidos}", gives the table's name. */
export function tablaDeLinea(linea: string): CampoTabla | null {
  const m = /^\s*\{([a-z_]+)\}\s*$/.exec(linea);
  return m && esCampoTabla(m[1]) ? m[1] : null;
}

/** Spanish message for the first problem of a plantilla text, or null when it is valid. */
export function problemaPlantilla(texto: string, permiteTablas: boolean): string | null {
  for (const linea of texto.split('\n')) {
    for (const campo of marcadoresDe(linea)) {
      if (Object.hasOwn(CAMPOS_TEXTO, campo)) continue;
      if (esCampoTabla(campo)) {
        if (!permiteTablas) return `El campo {${campo}} es una tabla: solo puede ir en el cuerpo.`;
        if (tablaDeLinea(linea) !== campo) return `El campo {${campo}} es una tabla: póngalo solo en su propio renglón.`;
        continue;
      }
      return `La plantilla usa un campo desconocido «{${campo}}». Campos disponibles: ${[...Object.keys(CAMPOS_TEXTO), ...Object.keys(CAMPOS_TABLA)].map((c) => `{${c}}`).join(', ')}.`;
    }
  }
  if (tieneLlavesSueltas(texto)) return LLAVES_SUELTAS;
  return null;
}

/** Replaces the text fields; table markers and fields without a value are left as written. */
export function combinar(texto: string, valores: ValoresCampos): string {
  return reemplazarMarcadores(texto, (campo, marca) => (valores as Record<string, string | undefined>)[campo] ?? marca);
}

/** Table markers present in a body, in order. */
export function tablasEn(cuerpo: string): CampoTabla[] {
  return cuerpo.split('\n').map(tablaDeLinea).filter((t): t is CampoTabla => t !== null);
}
