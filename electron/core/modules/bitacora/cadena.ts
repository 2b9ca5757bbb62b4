/** The bitácora's hash chain: each entry's hash covers the previous hash and every field of the entry. */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export const HASH_INICIAL = '0'.repeat(64);

export interface FilaBitacora {
  id: number;
  momento: number;
  usuario_id: string | null;
  usuario: string | null;
  metodo: string;
  entidad: string;
  entidad_id: string | null;
  antes: string | null;
  despues: string | null;
  hash_previo: string;
  hash: string;
}

type SinHash = Omit<FilaBitacora, 'id' | 'hash'>;

export function hashDe(f: SinHash): string {
  const contenido = JSON.stringify([
    f.hash_previo, f.momento, f.usuario_id, f.usuario, f.metodo, f.entidad, f.entidad_id, f.antes, f.despues,
  ]);
  return crypto.createHash('sha256').update(contenido).digest('hex');
}

/** Prepared once per connection: an import writes tens of thousands of entries in one transaction. */
const sentencias = new WeakMap<Database.Database, { ultimo: Database.Statement; insertar: Database.Statement }>();

function sentenciasDe(sqlite: Database.Database) {
  let s = sentencias.get(sqlite);
  if (!s) {
    s = {
      ultimo: sqlite.prepare('select hash from bitacora order by id desc limit 1'),
      insertar: sqlite.prepare(
        `insert into bitacora (momento, usuario_id, usuario, metodo, entidad, entidad_id, antes, despues, hash_previo, hash)
         values (@momento, @usuario_id, @usuario, @metodo, @entidad, @entidad_id, @antes, @despues, @hash_previo, @hash)`,
      ),
    };
    sentencias.set(sqlite, s);
  }
  return s;
}

export function anexar(sqlite: Database.Database, f: Omit<SinHash, 'hash_previo'>): void {
  if (!sqlite.inTransaction) throw new Error('La bitácora solo se escribe dentro de la transacción del cambio.');
  const s = sentenciasDe(sqlite);
  const ultimo = s.ultimo.get() as { hash: string } | undefined;
  const fila: SinHash = { ...f, hash_previo: ultimo?.hash ?? HASH_INICIAL };
  s.insertar.run({ ...fila, hash: hashDe(fila) });
}

/** Walks the whole chain; reports the first entry whose link or content does not match. */
export function verificarCadena(sqlite: Database.Database): { integra: boolean; total: number; primerRoto: { id: number; motivo: string } | null } {
  let previo = HASH_INICIAL;
  let total = 0;
  for (const f of sqlite.prepare('select * from bitacora order by id').iterate() as IterableIterator<FilaBitacora>) {
    total++;
    if (f.hash_previo !== previo) {
      return { integra: false, total, primerRoto: { id: f.id, motivo: 'No enlaza con la entrada anterior (se borró o insertó una entrada).' } };
    }
    if (hashDe(f) !== f.hash) {
      return { integra: false, total, primerRoto: { id: f.id, motivo: 'Su contenido fue modificado después de registrarse.' } };
    }
    previo = f.hash;
  }
  return { integra: true, total, primerRoto: null };
}
