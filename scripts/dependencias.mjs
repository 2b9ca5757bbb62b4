/** Shared by `npm start` and `npm test`: install npm packages when missing or out of date. */
import fs from 'node:fs';
import { execSync } from 'node:child_process';

export function run(cmd, opts = {}) {
  execSync(cmd, { stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } });
}

/** npm ci when node_modules is missing or older than package-lock.json. The Electron runtime download is left to `npm start`. */
export function asegurarDependencias() {
  const marca = 'node_modules/.package-lock.json';
  const faltan = !fs.existsSync(marca) || fs.statSync(marca).mtimeMs < fs.statSync('package-lock.json').mtimeMs;
  if (faltan) {
    console.log('Instalando dependencias (npm ci)…');
    run('npm ci', { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  }
}
