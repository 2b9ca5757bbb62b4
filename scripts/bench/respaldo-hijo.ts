/** Child process of the respaldo bench: one backup or one restore, alone, so its peak memory is its own. */
import { crearRespaldo, restaurarDatos } from '../../electron/core/modules/respaldo/service';
import { memoriaMaximaMb } from './medir';

const [accion, dataDir, otro] = process.argv.slice(2);
const t = performance.now();
const ruta =
  accion === 'respaldar'
    ? (await crearRespaldo({ dataDir, destino: otro, appRoot: process.cwd(), motivo: 'linea-de-comandos' })).ruta
    : (await restaurarDatos({ dataDir, desde: otro, appRoot: process.cwd(), metodo: 'bench.restaurar' })).manifiesto.creado;
console.log(JSON.stringify({ ms: performance.now() - t, ruta, rssMb: memoriaMaximaMb() }));
