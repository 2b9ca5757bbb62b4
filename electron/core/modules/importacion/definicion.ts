/** Importación › what every kind of import declares (its columns) and how it plans rows; the pipeline does the rest. */
import { distance } from 'fastest-levenshtein';
import type { Contexto } from '../../contexto';
import type { Celda } from './lectura';
import { palabras, textoDe, type Lectura } from './valores';

export const TIPOS_IMPORTACION = ['dependencias', 'directorio', 'compromisos', 'acuerdos', 'metas', 'asuntos'] as const;
export type TipoImportacion = (typeof TIPOS_IMPORTACION)[number];

export interface Columna {
  campo: string;
  /** The header a person would write; also the template's header. */
  titulo: string;
  requerida?: boolean;
  /** Other headers that mean the same (compared without case, accents, spaces or punctuation). */
  alias?: string[];
  /** What the column accepts (template's Instrucciones sheet and README). */
  ayuda: string;
  ejemplo: Celda;
  /** Catalog whose values the template offers as a drop-down list. */
  lista?: (ctx: Contexto) => string[];
  /** Column resolved against a catalog: a value→catalog mapping can be set once for the file. */
  catalogo?: boolean;
}

export interface Problema {
  fila: number;
  columna: string;
  mensaje: string;
  valor?: string;
  sugerencias?: string[];
}

export type EstadoFila = 'nueva' | 'actualizada' | 'sin_cambio' | 'error';

export interface Cambio {
  campo: string;
  antes: string;
  despues: string;
}

export interface ResultadoRegistro {
  /** Rows of the file that make this record (an asunto has one row per turno). */
  filas: number[];
  clave: string;
  estado: EstadoFila;
  cambios: Cambio[];
  /** Runs the write, inside the import transaction, after every record was planned without errors. */
  aplicar?: () => void;
}

export interface FilaDatos {
  fila: number;
  v: Record<string, Celda>;
}

/** A catalog option the user may map a spreadsheet word to. */
export interface Opcion {
  valor: string;
  etiqueta: string;
}

export interface SinResolver {
  campo: string;
  columna: string;
  texto: string;
  filas: number;
  sugerencias: Opcion[];
}

/**
 * What a kind's planner works with: the row's problems, the value→catalog mappings, the catalog lookups
 * (with up to 3 suggestions when a word is unknown).
 */
export class Revision {
  readonly errores: Problema[] = [];
  readonly avisos: Problema[] = [];
  readonly sinResolver = new Map<string, SinResolver>();
  readonly opciones: Record<string, Opcion[]> = {};

  /** Catalog values (ids, keys) → what a person reads, for before → after. */
  private readonly etiquetas = new Map<string, string>();

  constructor(
    /** The file's name, for the notes and bitácora of what gets imported. */
    readonly archivo: string,
    readonly columnas: Columna[],
    /** campo → (palabras del texto → valor del catálogo) */
    readonly equivalencias: Record<string, Record<string, string>>,
  ) {}

  titulo(campo: string): string {
    return this.columnas.find((c) => c.campo === campo)?.titulo ?? campo;
  }

  error(fila: number, campo: string, mensaje: string, valor?: Celda, sugerencias?: string[]) {
    this.errores.push({ fila, columna: this.titulo(campo), mensaje, valor: valor === undefined ? undefined : textoDe(valor).slice(0, 200), sugerencias });
  }

  aviso(fila: number, campo: string, mensaje: string) {
    this.avisos.push({ fila, columna: this.titulo(campo), mensaje });
  }

  /** Before → after of the fields in `etiquetas`, catalog ids shown by name. */
  cambios(antes: Record<string, unknown>, despues: Record<string, unknown>, etiquetas: Record<string, string>): Cambio[] {
    const nombre = (v: unknown) => (Array.isArray(v) ? v.map((x) => this.etiquetas.get(String(x)) ?? x) : typeof v === 'string' ? (this.etiquetas.get(v) ?? v) : v);
    return cambios(
      Object.fromEntries(Object.keys(etiquetas).map((k) => [k, nombre(antes[k])])),
      Object.fromEntries(Object.keys(etiquetas).map((k) => [k, nombre(despues[k])])),
      etiquetas,
    );
  }

  /** Reads a value with `lector`; on failure records the error and returns undefined. */
  leer<T>(f: FilaDatos, campo: string, lector: (c: Celda) => Lectura<T>): T | undefined {
    const r = lector(f.v[campo] ?? null);
    if (r.ok) return r.valor;
    this.error(f.fila, campo, r.mensaje, f.v[campo]);
    return undefined;
  }

  /** Resolves a catalog word: mapping set by the user first, then the catalog; otherwise an error with suggestions. */
  catalogo(f: FilaDatos, campo: string, cat: Catalogo): string | undefined {
    const texto = textoDe(f.v[campo] ?? null);
    const k = palabras(texto);
    if (!this.opciones[campo]) {
      this.opciones[campo] = cat.opciones;
      for (const o of cat.opciones) this.etiquetas.set(o.valor, o.etiqueta);
    }
    const mapeado = this.equivalencias[campo]?.[k];
    if (mapeado && cat.tiene(mapeado)) return mapeado;
    const v = cat.buscar(texto);
    if (v !== undefined) return v;
    const sug = cat.sugerir(texto);
    this.error(f.fila, campo, `«${texto.slice(0, 60)}» no está en el catálogo de ${cat.nombre}.`, f.v[campo], sug.map((s) => s.etiqueta));
    const llave = `${campo}|${k}`;
    const s = this.sinResolver.get(llave);
    if (s) s.filas++;
    else this.sinResolver.set(llave, { campo, columna: this.titulo(campo), texto, filas: 1, sugerencias: sug });
    return undefined;
  }
}

/** A catalog the spreadsheet's words are matched against: by key, short name or full name. */
export class Catalogo {
  private readonly indice = new Map<string, string>();
  private readonly valores = new Set<string>();
  readonly opciones: Opcion[];

  constructor(readonly nombre: string, entradas: { valor: string; etiqueta: string; nombres: string[] }[]) {
    for (const e of entradas) {
      this.valores.add(e.valor);
      for (const n of [e.etiqueta, ...e.nombres]) {
        const k = palabras(n);
        if (k && !this.indice.has(k)) this.indice.set(k, e.valor);
      }
    }
    this.opciones = entradas.map((e) => ({ valor: e.valor, etiqueta: e.etiqueta }));
  }

  tiene(valor: string): boolean {
    return this.valores.has(valor);
  }

  buscar(texto: string): string | undefined {
    return this.indice.get(palabras(texto));
  }

  /** Up to 3 catalog entries closest to the text (edit distance on accent-free words, or containing it). */
  sugerir(texto: string): Opcion[] {
    const k = palabras(texto);
    if (!k) return [];
    const puntos = this.opciones.map((o) => {
      const n = palabras(o.etiqueta);
      const d = n.includes(k) || k.includes(n) ? 0 : distance(k, n) / Math.max(k.length, n.length);
      return { o, d };
    });
    return puntos
      .filter((p) => p.d <= 0.5)
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((p) => p.o);
  }
}

export interface Plan {
  registros: ResultadoRegistro[];
  /** File-level findings (e.g. gaps in imported folios): reported, never fixed. */
  notas: string[];
  /** Runs once after every record was written (e.g. moving folio counters). */
  despues?: () => void;
}

export interface DefinicionTipo {
  tipo: TipoImportacion;
  nombre: string;
  /** Roles that may import this kind (the same that may create its records). */
  roles: readonly ('capturista' | 'coordinador' | 'jefe' | 'administrador')[];
  columnas: Columna[];
  /** Validates every row against the database as it is now; writes nothing. */
  planear(ctx: Contexto, filas: FilaDatos[], r: Revision): Plan;
}

/** Formats a before→after value for the dry run. */
export function mostrar(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join(', ') || '—';
  return String(v);
}

export function cambios(antes: Record<string, unknown>, despues: Record<string, unknown>, etiquetas: Record<string, string>): Cambio[] {
  const r: Cambio[] = [];
  for (const [k, etiqueta] of Object.entries(etiquetas)) {
    const a = mostrar(antes[k]);
    const d = mostrar(despues[k]);
    if (a !== d) r.push({ campo: etiqueta, antes: a, despues: d });
  }
  return r;
}
