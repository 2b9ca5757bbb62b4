/**
 * `npm test`: installs what the suite needs (npm packages; Chromium, poppler-utils and ImageMagick), then runs the
 * typecheck, the layering check, vitest, Playwright in Chromium and the Electron suite, and ends with
 * one line `N passed, N failed`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, execSync } from 'node:child_process';
import { asegurarDependencias, run } from './dependencias.mjs';

const tiene = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const esRoot = process.getuid?.() === 0;

function asegurarHerramientas() {
  const faltan = [];
  if (!process.env.CHROMIUM_PATH && !fs.existsSync('/usr/bin/chromium')) faltan.push('chromium');
  if (!tiene('pdftotext')) faltan.push('poppler-utils');
  if (!tiene('convert')) faltan.push('imagemagick'); // the OCR tests "scan" their own oficios
  if (faltan.length === 0) return;
  if (esRoot && tiene('apt-get')) {
    console.log(`Instalando ${faltan.join(', ')} con apt-get…`);
    run('apt-get update -qq', { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    run(`apt-get install -y -qq --no-install-recommends ${faltan.join(' ')} fonts-dejavu-core`, { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  } else if (faltan.includes('chromium')) {
    console.log('Descargando el Chromium de Playwright…');
    run('npx playwright install chromium');
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-test-'));
const resultados = [];

function paso(nombre, cmd, contar) {
  console.log(`\n▶ ${nombre}`);
  const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const c = contar ? contar() : { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0 };
  if (r.status !== 0 && c.failed === 0) c.failed = 1; // the runner itself failed
  resultados.push({ nombre, ...c });
}

function contarVitest(archivo) {
  return () => {
    if (!fs.existsSync(archivo)) return { passed: 0, failed: 1, skipped: 0 };
    const j = JSON.parse(fs.readFileSync(archivo, 'utf8'));
    return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
  };
}

function contarPlaywright(archivo) {
  return () => {
    if (!fs.existsSync(archivo)) return { passed: 0, failed: 1, skipped: 0 };
    const s = JSON.parse(fs.readFileSync(archivo, 'utf8')).stats;
    return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
  };
}

asegurarDependencias();
asegurarHerramientas();

paso('Tipos (tsc)', 'npx tsc --noEmit -p tsconfig.json');
paso('Capas', 'node scripts/capas.mjs');
paso('Compilación', 'node scripts/build.mjs');
const vitestJson = path.join(tmp, 'vitest.json');
paso('Pruebas unitarias y de integración (vitest)', `npx vitest run --reporter=default --reporter=json --outputFile.json=${vitestJson}`, contarVitest(vitestJson));
const pwJson = path.join(tmp, 'playwright.json');
paso('Pruebas de extremo a extremo en Chromium (Playwright)', `PLAYWRIGHT_JSON_OUTPUT_NAME=${pwJson} npx playwright test --reporter=list,json`, contarPlaywright(pwJson));
const elJson = path.join(tmp, 'electron.json');
if (fs.existsSync('playwright.electron.config.ts')) {
  paso('Suite de Electron', `PLAYWRIGHT_JSON_OUTPUT_NAME=${elJson} npx playwright test -c playwright.electron.config.ts --reporter=list,json`, contarPlaywright(elJson));
}

const total = resultados.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\nResumen:');
for (const r of resultados) console.log(`  ${r.failed ? '✗' : '✓'} ${r.nombre}: ${r.passed} aprobadas, ${r.failed} fallidas${r.skipped ? `, ${r.skipped} omitidas` : ''}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
execSync(`rm -rf ${JSON.stringify(tmp)}`);
process.exit(total.failed ? 1 : 0);
