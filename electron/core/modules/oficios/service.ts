/** Oficios de salida handlers (DOMAIN §1b); one file per sub-domain, merged here for app.ts. */
import type { Handlers } from '../../contexto';
import { plantillasHandlers } from './plantillas';
import { registroHandlers } from './registro';
import { listadoHandlers } from './listado';
import { documentoHandlers } from './documento';
import { recordatoriosHandlers } from './recordatorios';

export const oficiosHandlers = {
  ...plantillasHandlers,
  ...registroHandlers,
  ...listadoHandlers,
  ...documentoHandlers,
  ...recordatoriosHandlers,
} satisfies Partial<Handlers>;
