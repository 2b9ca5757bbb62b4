/**
 * Layering check (DESIGN §1–2): only the shell imports 'electron'; the core and db never do; the
 * renderer reaches the core only through the contract (no Node, no SQL, no core internals).
 */
import fs from 'node:fs';
import path from 'node:path';

// Type-only imports are erased at build time and are allowed across layers.
const IMPORT = /(?:import|export)\s(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function* archivos(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* archivos(p);
    else if (/\.(ts|tsx|mjs|js)$/.test(e.name)) yield p;
  }
}

const reglas = [
  {
    donde: (f) => f.startsWith('renderer/'),
    prohibido: (m, f) =>
      m.startsWith('node:') || /^(better-sqlite3|drizzle-orm|electron|exceljs|pdfkit)(\/|$)/.test(m) ||
      (m.startsWith('.') && /(^|\/)(db|electron\/core|electron\/shell)(\/|$)/.test(path.join(path.dirname(f), m).replaceAll('\\', '/'))),
    porque: 'el renderer solo usa el contrato de la API',
  },
  {
    donde: (f) => /^(electron\/core|electron\/contract|db)\//.test(f) || f === 'electron/contract.ts',
    prohibido: (m) => m === 'electron' || m.startsWith('electron/'),
    porque: 'el núcleo corre en Node puro y nunca importa electron',
  },
  {
    donde: (f) => f.startsWith('electron/contract') ,
    prohibido: (m) => m.startsWith('node:') || /^(better-sqlite3|drizzle-orm)/.test(m) || m.includes('/core/'),
    porque: 'el contrato solo declara esquemas zod',
  },
];

const violaciones = [];
for (const raiz of ['renderer', 'electron', 'db', 'scripts']) {
  for (const archivo of archivos(raiz)) {
    const f = archivo.replaceAll('\\', '/');
    const texto = fs.readFileSync(archivo, 'utf8');
    for (const m of texto.matchAll(IMPORT)) {
      const mod = m[1] ?? m[2] ?? m[3];
      for (const r of reglas) if (r.donde(f) && r.prohibido(mod, f)) violaciones.push(`${f}: importa «${mod}» (${r.porque})`);
    }
  }
}

if (violaciones.length) {
  console.error(`Capas: ${violaciones.length} importaciones fuera de lugar:\n${violaciones.join('\n')}`);
  process.exit(1);
}
console.log('Capas: correctas.');
