import { notifications } from '@mantine/notifications';

/** The shape every failed API call carries (DESIGN §3): `message` is Spanish and safe to show. */
export interface ErrorDeApp {
  code: string;
  message: string;
  details?: unknown;
}

export const MENSAJE_INESPERADO =
  'Ocurrió un error inesperado. Intente de nuevo; si el problema continúa, avise al administrador del sistema.';

export function esErrorDeApp(e: unknown): e is ErrorDeApp {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string' &&
    (e as { message: string }).message.trim() !== ''
  );
}

/** The Spanish text to show for any thrown value: an AppError's message, or the generic one. */
export function mensajeDeError(e: unknown): string {
  return esErrorDeApp(e) ? e.message : MENSAJE_INESPERADO;
}

const TITULOS: Record<string, string> = {
  VALIDACION: 'Revise los datos',
  PROHIBIDO: 'Sin permiso',
  NO_AUTENTICADO: 'Sesión terminada',
  SESION_BLOQUEADA: 'Sesión bloqueada',
  NO_ENCONTRADO: 'No encontrado',
  DUPLICADO: 'Registro duplicado',
  CONFLICTO: 'Cambios de otra persona',
  EN_USO: 'Registro en uso',
};

/** Shows a red notification with the error's Spanish message; anything unknown gets the generic text. */
export function avisarError(error: unknown, titulo?: string): string {
  if (!esErrorDeApp(error)) console.error(error);
  const code = esErrorDeApp(error) ? error.code : '';
  return notifications.show({
    color: 'red',
    title: titulo ?? TITULOS[code] ?? 'No se pudo completar la acción',
    message: mensajeDeError(error),
    autoClose: 10_000,
    withBorder: true,
  });
}

/** Shows a green notification: "Asunto 03.01-1034/26 registrado." */
export function avisarExito(texto: string, titulo?: string): string {
  return notifications.show({
    color: 'green',
    title: titulo,
    message: texto,
    autoClose: 4_000,
    withBorder: true,
  });
}
