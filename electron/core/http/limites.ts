/** Failed password checks per network address in a sliding window (the per-account lock-out lives in the core). */
export class LimitePorDireccion {
  private readonly fallos = new Map<string, number[]>();

  constructor(
    readonly maximo: number,
    readonly ventanaMs: number,
    private readonly ahora: () => number = Date.now,
  ) {}

  private recientes(direccion: string): number[] {
    const desde = this.ahora() - this.ventanaMs;
    const lista = (this.fallos.get(direccion) ?? []).filter((t) => t > desde);
    if (lista.length) this.fallos.set(direccion, lista);
    else this.fallos.delete(direccion);
    return lista;
  }

  bloqueada(direccion: string): boolean {
    return this.recientes(direccion).length >= this.maximo;
  }

  fallo(direccion: string): void {
    this.fallos.set(direccion, [...this.recientes(direccion), this.ahora()]);
  }
}
