/**
 * Results of reads that every station repeats after each change (the tablero): computed once, kept
 * until a committed write touches an entidad they depend on (createCore collects the entidades each
 * transaction writes to the bitácora) or until they get old (they also depend on the clock: today,
 * the 48-hour windows).
 */
interface Entrada {
  valor: unknown;
  hasta: number;
  noDependeDe: ReadonlySet<string>;
}

export interface OpcionesRecuerdo {
  ahora: number;
  /** How long the result stays valid without writes (clock-dependent figures). */
  vigenciaMs: number;
  /** Entidades (as written to the bitácora) whose changes do not alter the result; any other does. */
  noDependeDe?: ReadonlySet<string>;
}

const NADA = new Set<string>();

export class Memoria {
  private readonly entradas = new Map<string, Entrada>();

  recordar<T>(clave: string, o: OpcionesRecuerdo, calcular: () => T): T {
    const e = this.entradas.get(clave);
    if (e && o.ahora < e.hasta && o.ahora >= e.hasta - o.vigenciaMs) return e.valor as T;
    const valor = calcular();
    this.entradas.set(clave, { valor, hasta: o.ahora + o.vigenciaMs, noDependeDe: o.noDependeDe ?? NADA });
    return valor;
  }

  /** After a commit: drops what depends on any of these entidades (`'todo'`: a write the bitácora did not name). */
  invalidar(entidades: ReadonlySet<string> | 'todo'): void {
    for (const [clave, e] of this.entradas) {
      if (entidades === 'todo' || [...entidades].some((x) => !e.noDependeDe.has(x))) this.entradas.delete(clave);
    }
  }
}

/** For contexts that must always compute (worker threads). */
export const SIN_MEMORIA = { recordar: <T>(_c: string, _o: OpcionesRecuerdo, calcular: () => T) => calcular(), invalidar: () => undefined } as unknown as Memoria;
