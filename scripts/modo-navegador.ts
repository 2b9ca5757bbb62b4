/**
 * Browser mode: the same core behind a local HTTP server, for machines without the Electron runtime
 * and for the end-to-end tests. Usage: modo-navegador [--data-dir DIR] [--port N] [--no-abrir]
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createCore } from '../electron/core/app';
import { startServer } from '../electron/core/server';
import { argumento, carpetaDeDatos, PRODUCTO, raizDeLaApp } from './cli/comun';

function abrirNavegador(url: string): void {
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const hijo = spawn(cmd, args, { stdio: 'ignore', detached: true });
  hijo.on('error', () => console.log('No se encontró un navegador en este equipo: abra la dirección anterior en uno.'));
  hijo.unref();
}

async function main(): Promise<void> {
  const raiz = raizDeLaApp();
  const dataDir = carpetaDeDatos();
  const puerto = argumento('--port');
  const core = await createCore({ dataDir, appRoot: raiz, respaldosAutomaticos: true, lectorOcr: true });
  const servidor = await startServer({ core, staticDir: path.join(raiz, 'dist', 'renderer'), port: puerto ? Number(puerto) : 0 });
  console.log(`${PRODUCTO} en modo navegador: ${servidor.urlConToken}`);
  console.log(`Datos en: ${core.dataDir}`);
  if (!process.argv.includes('--no-abrir')) abrirNavegador(servidor.urlConToken);

  const terminar = async () => {
    await servidor.close();
    await core.antesDeCerrar();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', terminar);
  process.on('SIGTERM', terminar);
}

main().catch((e) => {
  console.error(`No se pudo iniciar: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
