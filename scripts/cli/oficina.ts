/**
 * The office server as `npm run servidor` starts it: the core (with automatic backups and the OCR reader)
 * behind HTTPS with the network profile and the data directory's certificate. Also what the load bench runs.
 */
import path from 'node:path';
import { createCore } from '../../electron/core/app';
import type { Core } from '../../electron/core/tipos';
import { startHttp, type HttpEnMarcha } from '../../electron/core/http/servidor';
import { network, type LimitesRed } from '../../electron/core/http/perfiles';
import { obtenerCertificado, type Certificado } from '../../electron/core/http/certificado';

export interface OpcionesOficina {
  dataDir: string;
  raiz: string;
  host: string;
  puerto: number;
  cert?: string;
  key?: string;
  nombres?: string[];
  limites?: Partial<LimitesRed>;
  /** Names the holder in the one-writer refusal another process gets. */
  rolProceso?: string;
}

export interface ServidorOficina {
  core: Core;
  srv: HttpEnMarcha;
  certificado: Certificado;
  cerrar(): Promise<void>;
}

export async function arrancarServidorDeOficina(o: OpcionesOficina): Promise<ServidorOficina> {
  const core = await createCore({ dataDir: o.dataDir, appRoot: o.raiz, rolProceso: o.rolProceso ?? 'el servidor de la oficina', respaldosAutomaticos: true, lectorOcr: true });
  try {
    const nombres = o.nombres ?? [];
    const certificado = await obtenerCertificado({ dataDir: o.dataDir, cert: o.cert, key: o.key, nombres });
    const srv = await startHttp({
      core,
      profile: network({ tls: certificado, host: o.host, nombres, limites: o.limites }),
      staticDir: path.join(o.raiz, 'dist', 'renderer'),
      port: o.puerto,
    });
    return {
      core,
      srv,
      certificado,
      cerrar: async () => {
        await srv.close();
        core.close();
      },
    };
  } catch (e) {
    core.close();
    throw e;
  }
}
