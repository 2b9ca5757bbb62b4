/** Disk failures while writing a backup, told in Spanish (the destination is a USB drive or a network folder). */
import { AppError } from '../../errors';

export function errorDeDestino(e: unknown, destino: string): AppError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (e instanceof AppError) return e;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    return new AppError('RESPALDO', `El destino ${destino} se llenó: libere espacio o elija otra carpeta. No quedó ningún respaldo a medias.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return new AppError('RESPALDO', `No se puede escribir en ${destino} (solo lectura o sin permiso). Elija otra carpeta de destino.`);
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('RESPALDO', `La carpeta de destino ${destino} no existe o no está conectada (¿memoria USB o unidad de red desconectada?).`);
  }
  if (code === 'EIO') return new AppError('RESPALDO', `Error de lectura o escritura en ${destino}: revise el disco o la memoria USB.`);
  return new AppError('RESPALDO', `No se pudo hacer el respaldo en ${destino}: ${(e as Error)?.message ?? String(e)}`);
}
