/** Errors the user may read. `message` is Spanish and safe to show; details never carry stack traces. */
export type ErrorCode =
  | 'VALIDACION'
  | 'NO_AUTENTICADO'
  | 'SESION_BLOQUEADA'
  | 'PROHIBIDO'
  | 'NO_ENCONTRADO'
  | 'DUPLICADO'
  | 'CONFLICTO'
  | 'EN_USO'
  | 'CUENTA_BLOQUEADA'
  | 'CREDENCIALES'
  | 'METODO_DESCONOCIDO'
  | 'BASE_DE_DATOS'
  | 'CARPETA_EN_USO'
  | 'ARCHIVO'
  | 'PETICION'
  | 'CANCELADO'
  | 'INTERNO';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A record changed since the user loaded it: optimistic concurrency (nothing is overwritten silently). */
export function conflicto(entidad: string): AppError {
  return new AppError(
    'CONFLICTO',
    `Otra persona modificó ${entidad} mientras usted lo editaba. Sus cambios no se guardaron: recargue para ver la versión actual e inténtelo de nuevo.`,
  );
}

export function noEncontrado(entidad: string): AppError {
  return new AppError('NO_ENCONTRADO', `No se encontró ${entidad}.`);
}
