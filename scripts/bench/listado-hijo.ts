/**
 * Child process of the Correspondencia bench: the listado Excel of every asunto, alone, so its peak memory
 * is its own (the job's worker thread included).
 */
import { createCore } from '../../electron/core/app';
import { memoriaMaximaMb } from './medir';

const [dataDir, metodo, entrada] = process.argv.slice(2);
const core = await createCore({ dataDir });
const s = await core.call('usuarios.iniciarSesion', { usuario: 'jefe1', contrasena: 'contrasena-segura-1' });
if (!s.ok) throw new Error(s.error.message);
const sesion = (s.data as { token: string }).token;
// Not the listado's cost: the start-up integrity check of a large file and loading the job thread's code
// (the built bundle, which the bench compiles first: the app ships it compiled) — done before the clock starts.
// The peak memory is the whole process's: this main thread (the core, compiled by tsx) and the job's thread.
await core.integridad();
await core.call(metodo ?? 'correspondencia.exportar.asuntos', { texto: 'zzqqxxsinresultados' }, { sesion });
const c = process.cpuUsage();
const t = performance.now();
const r = await core.call(metodo ?? 'correspondencia.exportar.asuntos', entrada ? JSON.parse(entrada) : {}, { sesion });
const ms = performance.now() - t;
const u = process.cpuUsage(c);
if (!r.ok) throw new Error(r.error.message);
core.close();
console.log(JSON.stringify({ ms, cpuMs: (u.user + u.system) / 1000, filas: (r.data as { filas: number }).filas, rssMb: memoriaMaximaMb() }));
