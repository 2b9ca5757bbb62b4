/**
 * Opens the one SQLite file of the app: refuses what is not ours, backs up before migrating,
 * refuses a database written by a newer version, and migrates with foreign keys off so that
 * drizzle's table rebuilds never cascade-delete child rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { AppError, MENSAJE_BASE_DANADA } from '../electron/core/errors';

export type Db = BetterSQLite3Database<typeof schema>;
export interface Connection {
  sqlite: Database.Database;
  db: Db;
  /** Path of the backup taken before pending migrations ran, if any. */
  respaldo: string | null;
  close(): void;
}

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  /** Directory for the pre-migration backup (default: <dir of file>/respaldos). */
  backupDir?: string;
  /** Path to a better_sqlite3.node built for another ABI (Electron). */
  nativeBinding?: string;
  now?: () => number;
  /**
   * Run PRAGMA quick_check before returning (default). A large database takes seconds; the core skips it
   * here and runs it right after start-up in a background job (refusing writes if it fails). Before
   * migrating it always runs.
   */
  comprobarAlAbrir?: boolean;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

interface JournalEntry { idx: number; when: number; tag: string }

function readJournal(migrationsDir: string): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'));
  return journal.entries as JournalEntry[];
}

function isNetworkPath(file: string): boolean {
  return /^(\\\\|\/\/)/.test(file);
}

function assertIsSqliteFile(file: string): void {
  if (!fs.existsSync(file)) return;
  const size = fs.statSync(file).size;
  if (size === 0) return;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    fs.readSync(fd, buf, 0, 16, 0);
    if (buf.toString('latin1') !== SQLITE_HEADER) {
      throw new AppError(
        'BASE_DE_DATOS',
        `El archivo ${file} no es una base de datos del Sistema de Seguimiento. No se modificó; elija otra carpeta de datos o restaure un respaldo.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** `quick_check`'s answer; a file too damaged to even check answers with SQLite's own error text. */
function revisarIntegridad(sqlite: Database.Database): string {
  try {
    return String(sqlite.pragma('quick_check', { simple: true }));
  } catch (e) {
    if (esDano(e)) return (e as Error).message;
    throw e;
  }
}

function appliedMigrations(sqlite: Database.Database): number[] {
  const exists = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!exists) return [];
  return (sqlite.prepare('select created_at from __drizzle_migrations order by created_at').all() as { created_at: number }[])
    .map((r) => Number(r.created_at));
}

function hasUserTables(sqlite: Database.Database): boolean {
  return !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name not like 'sqlite_%' limit 1").get();
}

/** SQLite's quick_check: null when the file is sound, the Spanish message otherwise. */
/** null when the file is sound; otherwise what SQLite found (users read MENSAJE_BASE_DANADA). */
export function comprobarIntegridad(sqlite: Database.Database): string | null {
  const check = revisarIntegridad(sqlite);
  return check === 'ok' ? null : check;
}

export async function openDatabase(opts: OpenOptions): Promise<Connection> {
  const { file, migrationsDir } = opts;
  if (isNetworkPath(file)) {
    throw new AppError('BASE_DE_DATOS', 'La base de datos no puede estar en una carpeta de red: elija una carpeta local del equipo.');
  }
  assertIsSqliteFile(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    // 16 MB of page cache instead of SQLite's 2 MB: bandeja counts probe indexes spread over a large file.
    // (32 MB made the 5-year Reporte de Estatus 55 instead of 72 ms at 100k asuntos, budget 150, and the
    // office server 16 MB heavier, 484 of its 500 with 25 users; the bandeja is the same with either.)
    sqlite.pragma('cache_size = -16384');
    sqlite.pragma('foreign_keys = ON');
    const journal = readJournal(migrationsDir);
    const known = new Set(journal.map((e) => e.when));
    const applied = appliedMigrations(sqlite);
    if (applied.some((when) => !known.has(when))) {
      throw new AppError(
        'BASE_DE_DATOS',
        'La base de datos fue creada por una versión más reciente del sistema. Actualice la aplicación; la base no se modificó.',
      );
    }

    let respaldo: string | null = null;
    const pending = journal.length - applied.length;
    if (opts.comprobarAlAbrir !== false || pending > 0) {
      const falla = comprobarIntegridad(sqlite);
      if (falla) throw new AppError('BASE_DE_DATOS', MENSAJE_BASE_DANADA, { sqlite: falla });
    }
    if (pending > 0 && hasUserTables(sqlite)) {
      const dir = opts.backupDir ?? path.join(path.dirname(file), 'respaldos');
      fs.mkdirSync(dir, { recursive: true });
      respaldo = path.join(dir, `antes-de-migrar-${(opts.now ?? Date.now)()}.sqlite`);
      await sqlite.backup(respaldo);
    }

    const db = drizzle(sqlite, { schema });
    if (pending > 0) {
      sqlite.pragma('foreign_keys = OFF');
      try {
        migrate(db, { migrationsFolder: migrationsDir });
        const broken = sqlite.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new AppError('BASE_DE_DATOS', `La actualización de la base dejó ${broken.length} referencias rotas; restaure el respaldo ${respaldo ?? ''}.`);
        }
      } finally {
        sqlite.pragma('foreign_keys = ON');
      }
    }
    analizarIndicesNuevos(sqlite);
    return { sqlite, db, respaldo, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    throw esDano(e) ? new AppError('BASE_DE_DATOS', MENSAJE_BASE_DANADA, { sqlite: (e as Error).message }) : e;
  }
}

/**
 * An index a migration added after the file's last ANALYZE has no statistics, and SQLite then guesses it
 * very selective: an `(estatus, id)` index chosen over a one-week `recibido` range made each weekly count
 * walk every asunto (informe semanal 0.8 s → 4 s at 100k). Measures exactly those indexes, once.
 */
function analizarIndicesNuevos(sqlite: Database.Database): void {
  if (!sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get()) return;
  const nuevos = sqlite
    .prepare(
      `select i.name from sqlite_master i where i.type = 'index' and i.sql is not null
         and not exists (select 1 from sqlite_stat1 s where s.idx = i.name)
         and exists (select 1 from sqlite_stat1 s where s.tbl = i.tbl_name)`,
    )
    .pluck()
    .all() as string[];
  for (const n of nuevos) sqlite.exec(`analyze "${n.replace(/"/g, '""')}"`);
}

function esDano(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}
