/**
 * Shared by the correspondencia contract files: who reads and captures, the option lists with their
 * labels and zod enums, and the small pieces (motivo, año, archivos) several sub-domains use.
 */
import { z } from 'zod';
import { textoRequerido, type Rol } from '../comun';

/** Who reads correspondence (the Jefe de Oficina reads everything) and who captures it. */
export const LECTORES_CORRESPONDENCIA: readonly Rol[] = ['capturista', 'jefe', 'administrador'];
export const CAPTURA_CORRESPONDENCIA: readonly Rol[] = ['capturista'];

export const MEDIOS = ['ventanilla', 'correo_postal', 'correo_electronico', 'gira', 'otro'] as const;
export const DESTINATARIOS = ['titular', 'jefe_oficina'] as const;
export const TIPOS_ASUNTO = ['oficio', 'peticion', 'invitacion', 'tarjeta', 'correo', 'otro'] as const;
export const PRIORIDADES = ['normal', 'urgente'] as const;
export const ESTATUS_ASUNTO = ['por_turnar', 'pendiente', 'en_proceso', 'atendido', 'archivado', 'anulado'] as const;
export const ESTATUS_TURNO = ['pendiente', 'en_proceso', 'atendido'] as const;
/** A turno's estatus as stored: the three a clerk sets, plus `devuelto` (returned by the dependencia, DOMAIN §1). */
export const ESTATUS_TURNO_GUARDADO = [...ESTATUS_TURNO, 'devuelto'] as const;

export const ETIQUETAS = {
  medio: { ventanilla: 'Ventanilla', correo_postal: 'Correo postal', correo_electronico: 'Correo electrónico', gira: 'Gira', otro: 'Otro' },
  destinatario: { titular: 'Titular del Ejecutivo', jefe_oficina: 'Jefe de Oficina' },
  tipo: { oficio: 'Oficio', peticion: 'Petición ciudadana', invitacion: 'Invitación', tarjeta: 'Tarjeta informativa', correo: 'Correo electrónico', otro: 'Otro' },
  prioridad: { normal: 'Normal', urgente: 'Urgente' },
  estatusAsunto: {
    por_turnar: 'Por turnar', pendiente: 'Pendiente', en_proceso: 'En proceso', atendido: 'Atendido', archivado: 'Archivado', anulado: 'Anulado',
  },
  estatusTurno: { pendiente: 'Pendiente (no atendido)', en_proceso: 'En proceso', atendido: 'Atendido', devuelto: 'Devuelto' },
} as const;

export const Medio = z.enum(MEDIOS, { error: 'Medio de recepción: elija una opción de la lista.' });
export const Destinatario = z.enum(DESTINATARIOS, { error: 'Destinatario: elija Titular del Ejecutivo o Jefe de Oficina.' });
export const TipoAsunto = z.enum(TIPOS_ASUNTO, { error: 'Tipo de documento: elija una opción de la lista.' });
export const Prioridad = z.enum(PRIORIDADES, { error: 'Prioridad: elija normal o urgente.' });
export const EstatusAsunto = z.enum(ESTATUS_ASUNTO, { error: 'Estatus: valor desconocido.' });
export const EstatusTurno = z.enum(ESTATUS_TURNO, { error: 'Estatus del turno: elija pendiente, en proceso o atendido.' });

export const Motivo = textoRequerido('Motivo', 1000);
export const Anio = z.number({ error: 'Año: se esperaba un número.' }).int().min(2000, 'Año fuera de rango.').max(2100, 'Año fuera de rango.');

/** A file sent by the renderer: display name (never a path) and base64 content (≤ 50 MB by default; checked by content). */
export const ArchivoEntrada = z.object({
  nombre: textoRequerido('Nombre del archivo', 255),
  contenidoBase64: z.string().max(72 * 1024 * 1024, 'El archivo es demasiado grande.'),
});

/** A generated file (PDF, xlsx) the renderer opens or saves. */
export const Archivo = z.object({ archivoId: z.string(), nombre: z.string() });
