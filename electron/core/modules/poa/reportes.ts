import type { Contexto } from '../../contexto';
export async function informePoa(_ctx: Contexto, _i: unknown): Promise<{ archivoId: string; nombre: string }> {
  throw new Error('pendiente');
}
