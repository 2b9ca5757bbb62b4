/** Oficios de salida handlers (DOMAIN §1b); one file per sub-domain, merged here for app.ts. */
import type { Handlers } from '../../contexto';
import { plantillasHandlers } from './plantillas';
import { registroHandlers } from './registro';
import { listadoHandlers } from './listado';
import { recordatoriosHandlers } from './recordatorios';
import { enSegundoPlano } from '../../jobs/definir';

export const oficiosHandlers = {
  ...plantillasHandlers,
  ...registroHandlers,
  ...listadoHandlers,
  // The PDF (a hundred recordatorios are thousands of pages) is laid out in a worker thread.
  ...enSegundoPlano('oficios.pdf'),
  ...recordatoriosHandlers,
} satisfies Partial<Handlers>;
