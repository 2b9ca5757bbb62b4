/**
 * The office server: the core behind HTTPS on the LAN, for stations (desktop app or browser).
 * Usage: npm run servidor -- --data-dir <carpeta> [--host <ip>] [--port <n>] [--cert <pem> --key <pem>] [--nombre <dns>[,<dns>…]]
 * The last two lines it prints on start are the address and the certificate's fingerprint.
 */
import os from 'node:os';
import { arrancarServidorDeOficina } from './cli/oficina';
import { argumento, carpetaDeDatos, PRODUCTO, raizDeLaApp, terminarConError } from './cli/comun';

/** What stations type: the given host, or this machine's first LAN address when listening on all. */
function direccionVisible(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  const lan = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  return lan?.address ?? os.hostname();
}

async function main(): Promise<void> {
  const raiz = raizDeLaApp();
  const dataDir = carpetaDeDatos();
  const host = argumento('--host') ?? '0.0.0.0';
  const puerto = Number(argumento('--port') ?? 8443);
  if (!Number.isInteger(puerto) || puerto < 0 || puerto > 65535) throw new Error(`Puerto no válido: ${argumento('--port')}`);
  const nombres = (argumento('--nombre') ?? '').split(',').map((n) => n.trim()).filter(Boolean);

  const { core, srv, certificado, cerrar } = await arrancarServidorDeOficina({ dataDir, raiz, host, puerto, cert: argumento('--cert'), key: argumento('--key'), nombres });
  console.log(`${PRODUCTO}: servidor de la oficina`);
  console.log(`Datos en: ${core.dataDir}`);
  if (certificado.creado) console.log('Se creó un certificado autofirmado en la carpeta de datos (tls/).');
  console.log(`Escuchando en ${host}:${srv.port}. Las estaciones se conectan a:`);
  console.log(`https://${direccionVisible(host)}:${srv.port}/`);
  console.log(`Huella SHA-256: ${certificado.huella}`);

  const terminar = () => {
    void cerrar().finally(() => process.exit(0));
  };
  process.on('SIGINT', terminar);
  process.on('SIGTERM', terminar);
}

main().catch((e) => terminarConError(e));
