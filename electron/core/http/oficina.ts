/**
 * The office server in one call: certificate (given or self-signed in the data directory), the network
 * profile and the HTTPS transport over a core that is already open. `npm run servidor` and the desktop
 * app's «Servidor de la oficina» mode both start it here, so they serve exactly the same thing.
 */
import os from 'node:os';
import type { Core } from '../tipos';
import { obtenerCertificado } from './certificado';
import { network } from './perfiles';
import { startHttp, type HttpEnMarcha } from './servidor';

export const PUERTO_OFICINA = 8443;
/** Who holds the data directory while the office server runs (npm run servidor or the desktop mode). */
export const ROL_SERVIDOR_OFICINA = 'el servidor de la oficina';

export interface OpcionesOficina {
  core: Core;
  /** Folder with the built renderer (dist/renderer), for browsers at the server's address. */
  staticDir: string;
  host?: string;
  port?: number;
  cert?: string;
  key?: string;
  /** Extra DNS names stations use to reach the server. */
  nombres?: string[];
}

export interface OficinaEnMarcha {
  http: HttpEnMarcha;
  /** What stations type: https://<this machine's LAN address>:<port>/ */
  direccion: string;
  huella: string;
  /** A self-signed certificate was created now (first start). */
  certificadoNuevo: boolean;
  close(): Promise<void>;
}

/** What stations type: the given host, or this machine's first LAN address when listening on all. */
export function direccionVisible(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  const lan = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  return lan?.address ?? os.hostname();
}

export async function iniciarServidorOficina(o: OpcionesOficina): Promise<OficinaEnMarcha> {
  const host = o.host ?? '0.0.0.0';
  const nombres = o.nombres ?? [];
  const certificado = await obtenerCertificado({ dataDir: o.core.dataDir, cert: o.cert, key: o.key, nombres });
  const http = await startHttp({
    core: o.core,
    profile: network({ tls: certificado, host, nombres }),
    staticDir: o.staticDir,
    port: o.port ?? PUERTO_OFICINA,
  });
  return {
    http,
    direccion: `https://${direccionVisible(host)}:${http.port}/`,
    huella: certificado.huella,
    certificadoNuevo: certificado.creado,
    close: () => http.close(),
  };
}
