import type { Contexto } from '../../contexto';
export async function reporteCatalogo(_ctx: Contexto, _items: unknown, _f: unknown): Promise<{ archivoId: string; nombre: string }> {
  throw new Error('pendiente');
}
export async function reporteSemaforo(_ctx: Contexto, _s: unknown, _f: unknown): Promise<{ archivoId: string; nombre: string }> {
  throw new Error('pendiente');
}
