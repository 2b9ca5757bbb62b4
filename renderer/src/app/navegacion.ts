import {
  IconChecklist,
  IconFileImport,
  IconLayoutDashboard,
  IconListDetails,
  IconMailbox,
  IconMailForward,
  IconReportAnalytics,
  IconSettings,
  IconTargetArrow,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Rol } from '../../../electron/contract/comun';

export type { Rol };

export interface ItemNavegacion {
  /** Route without the leading slash (HashRouter): `correspondencia` → `#/correspondencia`. */
  ruta: string;
  etiqueta: string;
  icono: TablerIcon;
  /** Roles that see the item in the navigation (DOMAIN §8). */
  roles: readonly Rol[];
  /** One sentence: what the module is for (used while it is being built). */
  descripcion: string;
  /** Where Ctrl+N goes from any page of the module, and who may create there. */
  nuevo?: { ruta: string; roles: readonly Rol[] };
}

const TODOS: readonly Rol[] = ['capturista', 'coordinador', 'jefe', 'administrador'];

/** The app's modules in navigation order. A new module adds its entry here. */
export const NAVEGACION: readonly ItemNavegacion[] = [
  {
    ruta: 'tablero',
    etiqueta: 'Tablero',
    icono: IconLayoutDashboard,
    roles: TODOS,
    descripcion:
      'Semáforos de estatus y de plazo de correspondencia, acuerdos, compromisos y metas del POA; vencidos por dependencia y las cifras de la semana.',
  },
  {
    ruta: 'correspondencia',
    etiqueta: 'Correspondencia',
    icono: IconMailbox,
    roles: ['capturista', 'jefe', 'administrador'],
    descripcion:
      'Registro de asuntos con folio, turno a dependencias con plazo en días hábiles, respuestas, acuse de recibo y volante de turno.',
    nuevo: { ruta: '/correspondencia/registrar', roles: ['capturista'] },
  },
  {
    ruta: 'oficios',
    etiqueta: 'Oficios',
    icono: IconMailForward,
    roles: TODOS,
    descripcion: 'Oficios de salida con numeración propia, plantillas, recordatorios a dependencias con vencidos y el registro de entregas.',
  },
  {
    ruta: 'gabinete',
    etiqueta: 'Gabinete',
    icono: IconUsersGroup,
    roles: ['coordinador', 'jefe', 'administrador'],
    descripcion:
      'Reuniones de gabinete: convocatoria, orden del día, asistencia, tarjetas informativas, minuta y seguimiento de acuerdos.',
    nuevo: { ruta: '/gabinete/reuniones/nueva', roles: ['coordinador'] },
  },
  {
    ruta: 'compromisos',
    etiqueta: 'Compromisos',
    icono: IconChecklist,
    roles: ['coordinador', 'jefe', 'administrador'],
    descripcion:
      'Los compromisos de campaña con su avance, evidencias y semáforo de cumplimiento por dependencia, municipio y eje.',
    nuevo: { ruta: '/compromisos/lista?nuevo=1', roles: ['coordinador'] },
  },
  {
    ruta: 'poa',
    etiqueta: 'POA',
    icono: IconTargetArrow,
    roles: ['coordinador', 'jefe', 'administrador'],
    descripcion:
      'Metas del Programa Operativo Anual: programado y alcanzado por periodo, porcentaje de cumplimiento y semáforo; informes trimestral y anual.',
    nuevo: { ruta: '/poa?nueva=1', roles: ['coordinador'] },
  },
  {
    ruta: 'reportes',
    etiqueta: 'Reportes',
    icono: IconReportAnalytics,
    roles: TODOS,
    descripcion:
      'Todos los reportes en un solo lugar, con sus parámetros, en Excel y PDF: informe semanal, estatus por dependencia, acuerdos, compromisos y metas.',
  },
  {
    ruta: 'catalogos',
    etiqueta: 'Catálogos',
    icono: IconListDetails,
    roles: ['administrador'],
    descripcion:
      'Dependencias, unidades administrativas, municipios, instrucciones de turno, series documentales y tipos de gabinete.',
  },
  {
    ruta: 'importar',
    etiqueta: 'Importar',
    icono: IconFileImport,
    roles: ['capturista', 'coordinador', 'administrador'],
    descripcion: 'Traer las bases de Excel que la oficina ya tiene: plantillas, simulación fila por fila e importación de todo o nada.',
  },
  {
    ruta: 'ajustes',
    etiqueta: 'Ajustes',
    icono: IconSettings,
    roles: ['administrador'],
    descripcion:
      'Series de folios, días inhábiles, membrete de los documentos, usuarios, respaldos y la carpeta de datos.',
  },
];

/** The items a role sees, in navigation order. */
export function itemsParaRol(rol: Rol, items: readonly ItemNavegacion[] = NAVEGACION): ItemNavegacion[] {
  return items.filter((i) => i.roles.includes(rol));
}

/** Whether a role may open a route (the core still checks every call). */
export function puedeVer(rol: Rol, ruta: string, items: readonly ItemNavegacion[] = NAVEGACION): boolean {
  return items.some((i) => i.ruta === ruta && i.roles.includes(rol));
}

/** Where each role lands after signing in: the screen of its daily work. */
export const INICIO_POR_ROL: Record<Rol, string> = {
  capturista: 'correspondencia',
  coordinador: 'gabinete',
  jefe: 'tablero',
  administrador: 'tablero',
};
