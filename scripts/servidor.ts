/**
 * The office server: the core behind HTTPS on the LAN, for stations (desktop app or browser).
 * Usage: npm run servidor -- --data-dir <carpeta> [--host <ip>] [--port <n>] [--cert <pem> --key <pem>] [--nombre <dns>[,<dns>…]]
 * The last two lines it prints on start are the address and the certificate's fingerprint.
 */
import path from 'node:path';
import { createCore } from '../electron/core/app';
import { iniciarServidorOficina, PUERTO_OFICINA, ROL_SERVIDOR_OFICINA } from '../electron/core/http/oficina';
import { argumento, carpetaDeDatos, PRODUCTO, raizDeLaApp, terminarConError } from './cli/comun';

async function main(): Promise<void> {
  const raiz = raizDeLaApp();
  const dataDir = carpetaDeDatos();
  const host = argumento('--host') ?? '0.0.0.0';
  const puerto = Number(argumento('--port') ?? PUERTO_OFICINA);
  if (!Number.isInteger(puerto) || puerto < 0 || puerto > 65535) throw new Error(`Puerto no válido: ${argumento('--port')}`);
  const nombres = (argumento('--nombre') ?? '').split(',').map((n) => n.trim()).filter(Boolean);

  const core = await createCore({ dataDir, appRoot: raiz, rolProceso: ROL_SERVIDOR_OFICINA, respaldosAutomaticos: true, lectorOcr: true });
  let cerrar = async () => core.close();
  try {
    const srv = await iniciarServidorOficina({
      core, host, port: puerto, nombres, cert: argumento('--cert'), key: argumento('--key'),
      staticDir: path.join(raiz, 'dist', 'renderer'),
    });
    cerrar = async () => {
      await srv.close();
      core.close();
    };
    console.log(`${PRODUCTO}: servidor de la oficina`);
    console.log(`Datos en: ${core.dataDir}`);
    if (srv.certificadoNuevo) console.log('Se creó un certificado autofirmado en la carpeta de datos (tls/).');
    console.log(`Escuchando en ${host}:${srv.http.port}. Las estaciones se conectan a:`);
    console.log(srv.direccion);
    console.log(`Huella SHA-256: ${srv.huella}`);
  } catch (e) {
    core.close();
    throw e;
  }

  const terminar = () => {
    void cerrar().finally(() => process.exit(0));
  };
  process.on('SIGINT', terminar);
  process.on('SIGTERM', terminar);
}

main().catch((e) => terminarConError(e));
