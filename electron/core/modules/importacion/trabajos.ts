/**
 * Importación's background job: reading the spreadsheet (the CPU-heavy part that touches no data) runs in a
 * worker thread, so the app keeps answering other people meanwhile. Planning and writing stay on the request
 * thread, in the one import transaction: the workers' connections are read-only (jobs/definir.ts).
 */
import { defineJob } from '../../jobs/definir';
import { leerLibro } from './lectura';

export interface PedidoLectura {
  bytes: Uint8Array;
  nombre: string;
}

export const importacionTrabajos = {
  'importacion.leer': defineJob((_ctx, input: PedidoLectura) => leerLibro(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), input.nombre)),
};
