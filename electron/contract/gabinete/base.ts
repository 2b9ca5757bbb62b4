/**
 * Shared by the gabinete contract files: access roles, estatus enums and their labels, and the file
 * pieces. ../gabinete.ts re-exports only the names that were public before the split.
 */
import { z } from 'zod';
import { textoRequerido, type Rol } from '../comun';

/** Coordinators write; the Jefe de Oficina and the administrator read and print. */
export const LECTURA_GABINETE: readonly Rol[] = ['coordinador', 'jefe', 'administrador'];
export const ESCRITURA_GABINETE: readonly Rol[] = ['coordinador'];
/** The directorio is shared data: coordinators and the administrator keep it. */
export const DIRECTORIO_GABINETE: readonly Rol[] = ['coordinador', 'administrador'];

export const ESTATUS_REUNION = ['programada', 'celebrada', 'cerrada', 'cancelada'] as const;
export const EstatusReunion = z.enum(ESTATUS_REUNION, { error: 'Estatus: elija programada, celebrada, cerrada o cancelada.' });
export const ESTATUS_ACUERDO = ['por_iniciar', 'en_proceso', 'concluido', 'cancelado'] as const;
export const EstatusAcuerdo = z.enum(ESTATUS_ACUERDO, { error: 'Estatus: elija por iniciar, en proceso, concluido o cancelado.' });
export const ASISTENCIA = ['sin_registro', 'asistio', 'no_asistio', 'representante'] as const;
export const Asistencia = z.enum(ASISTENCIA, { error: 'Asistencia: elija asistió, no asistió o envió representante.' });

export const ETIQUETA_ESTATUS_REUNION: Record<(typeof ESTATUS_REUNION)[number], string> = {
  programada: 'Programada',
  celebrada: 'Celebrada',
  cerrada: 'Cerrada',
  cancelada: 'Cancelada',
};
export const ETIQUETA_ESTATUS_ACUERDO: Record<(typeof ESTATUS_ACUERDO)[number], string> = {
  por_iniciar: 'Por iniciar',
  en_proceso: 'En proceso',
  concluido: 'Concluido',
  cancelado: 'Cancelado',
};
export const ETIQUETA_ASISTENCIA: Record<(typeof ASISTENCIA)[number], string> = {
  sin_registro: 'Sin registro',
  asistio: 'Asistió',
  no_asistio: 'No asistió',
  representante: 'Envió representante',
};

/** A file sent as base64 (anexo, evidencia); the core checks its real type and size. */
export const ArchivoEntrada = z.object({
  nombre: textoRequerido('Nombre del archivo', 200),
  contenidoBase64: z.string().min(1, 'El archivo está vacío.').max(70_000_000, 'El archivo pesa más de 50 MB.'),
});

export const Generado = z.object({ archivoId: z.string(), nombre: z.string() });
