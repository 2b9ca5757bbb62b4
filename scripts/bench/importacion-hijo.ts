/** Child process of the importación bench: one import into a fresh data directory, alone, so its peak memory is its own. */
import fs from 'node:fs';
import { createCore } from '../../electron/core/app';
import { memoriaMaximaMb } from './medir';

const [dataDir, libro] = process.argv.slice(2);
const core = await createCore({ dataDir, clock: () => Date.UTC(2026, 10, 20, 17) });
const adm = await core.call('usuarios.crearAdministradorInicial', { usuario: 'admin', nombre: 'Administración', contrasena: 'contrasena-segura-1' });
if (!adm.ok) throw new Error(adm.error.message);
const sesion = (adm.data as { token: string }).token;
const contenidoBase64 = fs.readFileSync(libro).toString('base64');
const cpu = process.cpuUsage();
const inicio = performance.now();
const r = await core.call('importacion.importar', { tipo: 'asuntos', archivo: { nombre: 'correspondencia-2021.xlsx', contenidoBase64 }, tarea: 'bench' }, { sesion });
const ms = performance.now() - inicio;
const usado = process.cpuUsage(cpu);
if (!r.ok) throw new Error(r.error.message);
core.close();
const { conteos } = r.data as { conteos: { nuevas: number; filas: number } };
console.log(JSON.stringify({ ms, cpuMs: (usado.user + usado.system) / 1000, rssMb: memoriaMaximaMb(), ...conteos }));
