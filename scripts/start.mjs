/**
 * `npm start`: installs what is missing, builds, and opens the desktop app with Electron. Where the
 * Electron runtime cannot be had, says so in one line and opens browser mode instead.
 * Arguments after `--` go to the app (e.g. `npm start -- --data-dir D:\\datos`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { asegurarDependencias, run } from './dependencias.mjs';

asegurarDependencias();
run('node scripts/build.mjs');

const args = process.argv.slice(2);
const { estadoElectron } = await import('./electron-disponible.mjs');

// First run on a user's PC: fetch the Electron runtime (skipped during `npm ci`).
if (!estadoElectron().disponible) spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 180_000 });

const electron = estadoElectron();
let hijo;
if (electron.disponible && spawnSync(process.execPath, ['scripts/electron-native.mjs'], { stdio: 'inherit' }).status === 0) {
  hijo = spawn(electron.ruta, ['.', ...args], { stdio: 'inherit' });
} else {
  console.log(`Electron no está disponible en este equipo (${electron.motivo ?? 'no se pudo preparar su módulo nativo'}); se abre el modo navegador.`);
  hijo = spawn(process.execPath, ['dist/navegador/modo-navegador.mjs', ...args], { stdio: 'inherit' });
}
hijo.on('exit', (code) => process.exit(code ?? 0));
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => hijo.kill(s));
