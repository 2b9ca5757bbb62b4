import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codigoBarras, codigoQr, escribirPdf, type Columna, type Semaforo } from '../../../electron/core/reports';
import { carpetaTemporal, logoDePrueba, paginasPdf, textoPdf } from './apoyo';

const ENCABEZADO = {
  institucion: 'Oficina del Ejecutivo Estatal de Sonora',
  logo: logoDePrueba(),
  titulo: 'Informe semanal de correspondencia',
  periodo: 'Del 16 al 22 de noviembre de 2026',
  referencia: '03.01-1034/21',
  generado: Date.UTC(2026, 10, 21, 21, 5), // 14:05 en Hermosillo
};

interface Asunto {
  folio: string;
  asunto: string;
  dependencia: string;
  dias: number;
  avance: number;
  estatus: Semaforo;
}

const COLUMNAS: Columna<Asunto>[] = [
  { clave: 'folio', titulo: 'Folio', ancho: 16 },
  { clave: 'asunto', titulo: 'Asunto', ancho: 40 },
  { clave: 'dependencia', titulo: 'Turnado a', ancho: 24 },
  { clave: 'dias', titulo: 'Días', tipo: 'entero' },
  { clave: 'avance', titulo: 'Avance', tipo: 'porcentaje' },
  { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo' },
];

const ESTATUS: Semaforo[] = [
  { color: 'verde', texto: 'Atendido' },
  { color: 'amarillo', texto: 'En proceso' },
  { color: 'rojo', texto: 'Pendiente' },
];

function asuntos(n: number): Asunto[] {
  return Array.from({ length: n }, (_, i) => ({
    folio: `03.01-${1000 + i}/26`,
    asunto:
      i % 10 === 0
        ? '¿Solicitud de apoyo para rehabilitar el pozo del ejido? ¡Urgente! La comunidad lleva tres semanas sin servicio de agua potable.'
        : `Audiencia ${i}`,
    dependencia: 'Secretaría de Salud',
    dias: i,
    avance: 0.5,
    estatus: ESTATUS[i % 3],
  }));
}

function fuentes(ruta: string): string[][] {
  return execFileSync('pdffonts', [ruta], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.trim().split(/\s+/));
}

describe('escribirPdf', () => {
  it('tabla larga: acentos, "Página X de Y", encabezado repetido, membrete en cada página y fuentes incrustadas', async () => {
    const dir = carpetaTemporal();
    const ruta = path.join(dir, 'informe.pdf');
    const r = await escribirPdf(ruta, ENCABEZADO, async (doc) => {
      doc.seccion('Resumen de la semana');
      doc.parrafo('Se recibieron 1,245 asuntos; el 65 % se turnó en 48 horas. Áreas: educación, salud pública y también niñez (NIÑEZ). ¿Pendientes? ¡Sí!');
      doc.datos([
        ['Recibidos', 1245],
        ['Responsable', 'Lic. María Fernanda Óñez Ávila'],
      ]);
      doc.seccion('Detalle de asuntos');
      await doc.tabla(COLUMNAS, asuntos(120), { totales: { etiqueta: 'Total', columnas: { dias: 'suma', avance: 'promedio' } } });
    });
    expect(r.paginas).toBeGreaterThanOrEqual(3);
    const paginas = paginasPdf(ruta);
    expect(paginas).toHaveLength(r.paginas);
    const n = r.paginas;

    const todo = textoPdf(ruta);
    for (const s of ['á', 'é', 'í', 'ó', 'ú', 'ñ', '¿', '¡', 'Ñ', 'Á']) expect(todo).toContain(s);
    expect(paginas[0]).toContain('Informe semanal de correspondencia');
    expect(paginas[0]).toContain('Del 16 al 22 de noviembre de 2026');
    expect(paginas[0]).toContain('Referencia: 03.01-1034/21');
    expect(paginas[0]).toContain('Lic. María Fernanda Óñez Ávila');
    expect(paginas[0]).toMatch(/Recibidos\s+1,245/);
    paginas.forEach((p, i) => {
      expect(p).toContain('Oficina del Ejecutivo Estatal de Sonora');
      expect(p).toMatch(new RegExp(`Generado el 21 de noviembre de 2026, 14:05\\s+Página ${i + 1} de ${n}\\s*$`));
    });
    // El encabezado de la tabla se repite en la página 2 y en la última
    for (const p of [paginas[1], paginas[n - 1]]) expect(p).toMatch(/Folio\s+Asunto\s+Turnado a\s+Días\s+Avance\s+Estatus/);
    // Semáforo: la palabra siempre impresa; números con formato es-MX
    expect(todo).toMatch(/03\.01-1001\/26\s+Audiencia 1\s+Secretaría de Salud\s+1\s+50 %\s+En proceso/);
    // Totales: suma de 0..119 = 7,140
    expect(paginas[n - 1]).toMatch(/Total\s+7,140\s+50 %/);
    // Texto largo envuelto, no recortado
    expect(todo.replace(/\s+/g, ' ')).toContain('tres semanas sin servicio de agua potable.');

    // Fuentes: solo Source Sans 3, todas incrustadas (emb = yes)
    const f = fuentes(ruta);
    expect(f.length).toBeGreaterThanOrEqual(2);
    for (const fila of f) {
      expect(fila[0]).toMatch(/^[A-Z]{6}\+SourceSans3-/);
      expect(fila).toContain('yes');
      expect(fila.at(-5)).toBe('yes'); // columna "emb"
    }
    expect(readdirSync(dir)).toEqual(['informe.pdf']);
    const info = execFileSync('pdfinfo', [ruta], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(info).toMatch(/Title:\s+Informe semanal de correspondencia/);
  });

  it('horizontal, filas asíncronas, gráficas y códigos', async () => {
    const ruta = path.join(carpetaTemporal(), 'graficas.pdf');
    async function* filas() {
      for (const a of asuntos(5)) {
        await Promise.resolve();
        yield a;
      }
    }
    const qr = await codigoQr('03.01-1034/21');
    const barras = await codigoBarras('03.01-1034/21');
    const r = await escribirPdf(
      ruta,
      { ...ENCABEZADO, logo: undefined, referencia: undefined },
      async (doc) => {
        doc.barras({
          titulo: 'Turnos pendientes',
          datos: [
            { etiqueta: 'Secretaría de Hacienda', valor: 1234.5 },
            { etiqueta: 'Secretaría de Salud', valor: 87 },
          ],
        });
        doc.barras({
          titulo: 'Turnado en 48 h',
          orientacion: 'vertical',
          formato: 'porcentaje',
          datos: [
            { etiqueta: 'Educación', valor: 0.65, color: 'rojo' },
            { etiqueta: 'Economía', valor: 0.92, color: 'verde' },
          ],
        });
        doc.barrasApiladas({
          titulo: 'Semáforo por dependencia',
          series: [
            { nombre: 'Atendido', color: 'verde' },
            { nombre: 'En proceso', color: 'amarillo' },
            { nombre: 'Pendiente', color: 'rojo' },
          ],
          categorias: [{ etiqueta: 'Comisión Estatal del Agua', valores: [25, 14, 10] }],
        });
        doc.lineas({
          titulo: 'Tendencia de 12 semanas',
          etiquetas: Array.from({ length: 12 }, (_, i) => `S${i + 1}`),
          series: [{ nombre: 'Recibidos', valores: [120, 135, 98, 143, 160, 1210, 117, 190, 201, null, 176, 1245] }],
        });
        await doc.tabla(COLUMNAS, filas());
        doc.imagen(qr, { ancho: 60 });
        doc.imagen(barras, { ancho: 150 });
      },
      { orientacion: 'horizontal' },
    );
    const texto = textoPdf(ruta);
    expect(execFileSync('pdfinfo', [ruta], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    for (const s of ['Turnos pendientes', '1,234.5', 'Secretaría de Hacienda', '65 %', '92 %', 'Atendido', 'En proceso', 'Pendiente', '49', 'Tendencia de 12 semanas', '1,245', 'S12']) {
      expect(texto).toContain(s);
    }
    expect(texto).toContain(`Página ${r.paginas} de ${r.paginas}`);
    const imagenes = execFileSync('pdfimages', ['-list', ruta], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
    expect(imagenes).toHaveLength(2); // QR y código de barras (sin contar sus máscaras alfa)
  });

  it('el logotipo se incrusta una sola vez aunque haya muchas páginas', async () => {
    const ruta = path.join(carpetaTemporal(), 'logo.pdf');
    const r = await escribirPdf(ruta, ENCABEZADO, async (doc) => {
      for (let i = 0; i < 3; i++) doc.nuevaPagina();
    });
    expect(r.paginas).toBe(4);
    const lista = execFileSync('pdfimages', ['-list', ruta], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
    expect(lista).toHaveLength(4); // una aparición por página…
    expect(new Set(lista.map((l) => l.trim().split(/\s+/)[10])).size).toBe(1); // …del mismo objeto
  });

  it('una tabla asíncrona sin await se termina antes de cerrar el archivo', async () => {
    const ruta = path.join(carpetaTemporal(), 'sin-await.pdf');
    async function* filas() {
      for (const a of asuntos(3)) {
        await new Promise((r) => setTimeout(r, 5));
        yield a;
      }
    }
    await escribirPdf(ruta, ENCABEZADO, (doc) => {
      void doc.tabla(COLUMNAS, filas());
    });
    const texto = textoPdf(ruta);
    expect(texto).toContain('03.01-1002/26');
    expect(texto).toContain('Página 1 de 1');
  });

  it('tabla vacía, logotipo ilegible y un error en el contenido', async () => {
    const dir = carpetaTemporal();
    const ruta = path.join(dir, 'vacio.pdf');
    await escribirPdf(ruta, { ...ENCABEZADO, logo: Buffer.from('no es imagen') }, async (doc) => {
      await doc.tabla(COLUMNAS, [], { vacio: 'No hay asuntos en el periodo.' });
    });
    expect(textoPdf(ruta)).toContain('No hay asuntos en el periodo.');
    expect(textoPdf(ruta)).toContain('Página 1 de 1');

    const malo = path.join(dir, 'malo.pdf');
    await expect(
      escribirPdf(malo, ENCABEZADO, () => {
        throw new Error('falló la consulta');
      }),
    ).rejects.toThrow('falló la consulta');
    expect(existsSync(malo)).toBe(false);
    expect(readdirSync(dir)).toEqual(['vacio.pdf']);
    expect(readFileSync(ruta).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
