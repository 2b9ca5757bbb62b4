/** Importación (issue #11): real xlsx/csv files through the API — dry run, import all or nothing, idempotence, bad input. */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { crearPrueba, crearUsuarioYEntrar, fallar, iniciarComoAdmin, llamar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

let p: Prueba;
afterEach(() => p?.cerrar());

async function xlsx(filas: unknown[][], formatos: (wb: ExcelJS.Worksheet) => void = () => {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Compromisos 2021');
  for (const f of filas) ws.addRow(f);
  formatos(ws);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function entrada(tipo: Input<'importacion.simular'>['tipo'], nombre: string, contenidoBase64: string, extra: Partial<Input<'importacion.simular'>> = {}): Input<'importacion.simular'> {
  return { tipo, archivo: { nombre, contenidoBase64 }, ...extra };
}

const ENCABEZADO = ['No.', 'DESCRIPCION', 'Fecha en que se comprometió', 'municipio', 'Dependencia Responsable', 'Estatus', 'Avance %'];

describe('importar compromisos desde un Excel como el de la oficina', () => {
  it('detecta el encabezado bajo los títulos, simula, aplica la equivalencia, importa una vez y es idempotente', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const coord = await crearUsuarioYEntrar(p.core, admin, 'coord', 'coordinador');
    const b64 = await xlsx(
      [
        ['GOBIERNO DEL ESTADO DE SONORA'],
        ['Compromisos de campaña — corte octubre 2021'],
        [],
        ENCABEZADO,
        [1, 'Construir el hospital general', new Date(Date.UTC(2021, 3, 15)), 'Hermosillo', 'Secretaría de Salud Pública', 'En proceso', 0.65],
        [2, '=HYPERLINK("http://x","clic")', '15/04/2021', 'Cd. Obregón', 'SH', 'cumplido', '100 %'],
        [3, 'Carretera costera', '1 de octubre de 2021', 'Estatal', 'SEGOB', '', 30],
        [2, 'Repetido', '31/02/2021', 'Navojoa', 'Secretaria de Salud Publik', 'terminadito', 140],
        [],
      ],
      (ws) => {
        ws.getCell('G5').numFmt = '0%';
      },
    );
    const s = await llamar(p.core, 'importacion.simular', entrada('compromisos', 'compromisos.xlsx', b64), coord);
    expect(s.filaEncabezado).toBe(4);
    expect(s.mapeo.numero).toBe('No.');
    expect(s.mapeo.descripcion).toBe('DESCRIPCION');
    expect(s.conteos).toMatchObject({ filas: 4, conError: 2 });
    const err = (fila: number, col: string) => s.errores.filter((e) => e.fila === fila && e.columna === col);
    expect(err(6, 'Municipio')[0].mensaje).toMatch(/Cd\. Obregón/);
    expect(err(8, 'Número')[0].mensaje).toMatch(/se repite/);
    expect(err(8, 'Fecha compromiso')[0].mensaje).toMatch(/no es una fecha posible/);
    expect(err(8, 'Dependencia responsable')[0].sugerencias!.join(' ')).toMatch(/Secretaría de Salud Pública/);
    expect(err(8, 'Estatus')[0].mensaje).toMatch(/no se reconoce/);
    expect(err(8, 'Avance %')[0].mensaje).toMatch(/100/);
    expect(s.sinResolver.find((x) => x.texto === 'Cd. Obregón')).toMatchObject({ campo: 'municipio', filas: 1 });

    // Importing with errors writes nothing.
    const f = await fallar(p.core, 'importacion.importar', entrada('compromisos', 'compromisos.xlsx', b64), coord);
    expect(f.message).toMatch(/No se guardó nada/);
    expect((await llamar(p.core, 'compromisos.listar', {}, coord)).total).toBe(0);

    // The errors workbook has the original rows plus the errors column.
    const g = await llamar(p.core, 'importacion.errores', entrada('compromisos', 'compromisos.xlsx', b64), coord);
    const wbE = new ExcelJS.Workbook();
    await wbE.xlsx.readFile(p.core.archivoGenerado(g.archivoId, coord)!.ruta);
    const hE = wbE.worksheets[0];
    expect(hE.getRow(1).getCell(ENCABEZADO.length + 2).value).toBe('Errores');
    expect(String(hE.getRow(2).getCell(ENCABEZADO.length + 2).value)).toMatch(/Municipio/);

    // Fix the file: drop the bad row, map «Cd. Obregón» → Cajeme once.
    const cajeme = (await llamar(p.core, 'catalogos.municipios.listar', {}, coord)).find((m) => m.nombre === 'Cajeme')!.clave;
    const bueno = await xlsx([['Compromisos'], ENCABEZADO, ...[
      [1, 'Construir el hospital general', new Date(Date.UTC(2021, 3, 15)), 'Hermosillo', 'Secretaría de Salud Pública', 'En proceso', '65 %'],
      [2, '=HYPERLINK("http://x","clic")', '15/04/2021', 'Cd. Obregón', 'SH', 'cumplido', '100 %'],
      [3, 'Carretera costera', '1 de octubre de 2021', 'Estatal', 'SEGOB', '', 30],
    ]]);
    const conEq = entrada('compromisos', 'compromisos.xlsx', bueno, { equivalencias: { municipio: { 'Cd. Obregón': cajeme } } });
    const s2 = await llamar(p.core, 'importacion.simular', conEq, coord);
    expect(s2.conteos).toMatchObject({ filas: 3, nuevas: 3, conError: 0 });
    const r = await llamar(p.core, 'importacion.importar', conEq, coord);
    expect(r.conteos).toMatchObject({ nuevas: 3, actualizadas: 0, sinCambio: 0 });
    const lista = (await llamar(p.core, 'compromisos.listar', {}, coord)).items;
    const c2 = lista.find((c) => c.numero === 2)!;
    expect(c2.descripcion).toBe('=HYPERLINK("http://x","clic")');
    expect(c2.municipio).toBe('Cajeme');
    expect(c2.estatus).toBe('cumplido');
    expect(lista.find((c) => c.numero === 1)!.avance).toBe(65);
    expect(lista.find((c) => c.numero === 3)!).toMatchObject({ municipioClave: null, estatus: 'en_proceso', avance: 30 });

    // The mapping is remembered: the same file again, without saying it, creates and changes nothing.
    const otra = await llamar(p.core, 'importacion.importar', entrada('compromisos', 'compromisos.xlsx', bueno), coord);
    expect(otra.conteos).toMatchObject({ nuevas: 0, actualizadas: 0, sinCambio: 3 });

    // A changed row shows before → after in the dry run.
    const cambiado = await xlsx([ENCABEZADO, [3, 'Carretera costera Guaymas–Empalme', '2021-10-01', 'Estatal', 'SEGOB', 'En proceso', 45]]);
    const s3 = await llamar(p.core, 'importacion.simular', entrada('compromisos', 'c.xlsx', cambiado), coord);
    expect(s3.conteos.actualizadas).toBe(1);
    expect(s3.registros[0].cambios).toEqual(
      expect.arrayContaining([
        { campo: 'Descripción', antes: 'Carretera costera', despues: 'Carretera costera Guaymas–Empalme' },
        { campo: 'Avance %', antes: '30', despues: '45' },
      ]),
    );

    // The bitácora records the import operation with the file's SHA-256.
    const bit = await llamar(p.core, 'bitacora.listar', { entidad: 'importaciones' } as never, admin).catch(() => null);
    if (bit) expect(JSON.stringify(bit)).toContain(r.sha256);

    // The catálogo export keeps the formula-looking text as text.
    const rep = await llamar(p.core, 'compromisos.reporteCatalogo', { formato: 'xlsx', filtros: {} }, coord);
    const wbR = new ExcelJS.Workbook();
    await wbR.xlsx.readFile(p.core.archivoGenerado(rep.archivoId, coord)!.ruta);
    const celdas: ExcelJS.Cell[] = [];
    wbR.worksheets[0].eachRow((row) => row.eachCell((cell) => void (JSON.stringify(cell.value ?? '').includes('HYPERLINK') && celdas.push(cell))));
    expect(celdas.length).toBe(1);
    expect(celdas[0].type).toBe(ExcelJS.ValueType.String);
  });
});

describe('asuntos históricos con folio original', () => {
  it('reconoce la serie, avanza el contador, informa huecos y rechaza un folio existente con otro contenido', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const cap = await crearUsuarioYEntrar(p.core, admin, 'cap', 'capturista');
    const csv = [
      'Folio;Fecha de recepción;Remitente;Asunto;Turnado a;Fecha de turno;Fecha límite;Estatus del turno;Fecha de respuesta',
      '03.01-1034/21;01/10/2021;Juan Pérez;Solicita audiencia;SEGOB;02/10/2021;;Atendido;10/10/2021',
      '03.01-1034/21;01/10/2021;Juan Pérez;Solicita audiencia;SH;02/10/2021;;;',
      '03.01-1037/21;2021-10-04;Ayuntamiento de Cajeme;Invitación a informe;;;;;',
    ].join('\n');
    const b64 = Buffer.from(csv, 'utf8').toString('base64');
    const s = await llamar(p.core, 'importacion.simular', entrada('asuntos', 'bitacora-2021.csv', b64), cap);
    expect(s.conteos).toMatchObject({ filas: 3, nuevas: 3, conError: 0 });
    expect(s.notas.join(' ')).toMatch(/faltan 2 números entre 1034 y 1037 \(1035–1036\)/);
    const r = await llamar(p.core, 'importacion.importar', entrada('asuntos', 'bitacora-2021.csv', b64), cap);
    expect(r.conteos.nuevas).toBe(3);
    const series = await llamar(p.core, 'correspondencia.series.listar', {} as never, admin);
    const principal = series.find((x) => x.plantilla === '03.01-{n}/{yy}')!;
    const bandeja = await llamar(p.core, 'correspondencia.bandeja', { texto: 'audiencia' } as never, cap).catch(() => null);
    if (bandeja) expect(JSON.stringify(bandeja)).toContain('03.01-1034/21');
    // Counter of 2021 moved past 1037: a fijarSiguiente of 1037 is refused.
    const f = await fallar(p.core, 'correspondencia.series.fijarSiguiente', { serieId: principal.id, anio: 2021, siguiente: 1037 }, admin);
    expect(f.message).toMatch(/ya se usó/);
    // Same file again: nothing changes.
    const otra = await llamar(p.core, 'importacion.importar', entrada('asuntos', 'bitacora-2021.csv', b64), cap);
    expect(otra.conteos).toMatchObject({ nuevas: 0, sinCambio: 3 });
    // Same folio, other content: an error, nothing written.
    const mal = Buffer.from('Folio,Fecha de recepción,Remitente,Asunto\n03.01-1037/21,05/10/2021,Otra persona,Otro asunto\n').toString('base64');
    const s2 = await llamar(p.core, 'importacion.simular', entrada('asuntos', 'otra.csv', mal), cap);
    expect(s2.errores[0].mensaje).toMatch(/ya existe con otro contenido/);
  });
});

describe('entradas malas', () => {
  it('rechaza con mensajes claros: zip ajeno, .xls, libro con contraseña, hoja vacía, columna obligatoria ausente', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const zipAjeno = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]).toString('base64');
    expect((await fallar(p.core, 'importacion.simular', entrada('dependencias', 'x.xlsx', zipAjeno), admin)).message).toMatch(/no es un libro de Excel válido/);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(500)]);
    expect((await fallar(p.core, 'importacion.simular', entrada('dependencias', 'viejo.xls', ole.toString('base64')), admin)).message).toMatch(/\.xls.*Guardar como/);
    const cifrado = Buffer.concat([ole, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(100)]);
    expect((await fallar(p.core, 'importacion.simular', entrada('dependencias', 'secreto.xlsx', cifrado.toString('base64')), admin)).message).toMatch(/contraseña/);
    const vacia = await xlsx([]);
    expect((await fallar(p.core, 'importacion.simular', entrada('dependencias', 'vacia.xlsx', vacia), admin)).message).toMatch(/vacía/);
    const sinNombre = await xlsx([['Clave', 'Siglas'], ['SX', 'SX']]);
    const s = await llamar(p.core, 'importacion.simular', entrada('dependencias', 'd.xlsx', sinNombre), admin);
    expect(s.faltantes).toEqual(['Nombre']);
    expect((await fallar(p.core, 'importacion.importar', entrada('dependencias', 'd.xlsx', sinNombre), admin)).message).toMatch(/Faltan columnas obligatorias: Nombre/);
    // A role that may not import this kind.
    const cap = await crearUsuarioYEntrar(p.core, admin, 'cap', 'capturista');
    expect((await fallar(p.core, 'importacion.simular', entrada('dependencias', 'd.xlsx', sinNombre), cap)).code).toBe('PROHIBIDO');
  });

  it('una importación cancelada a la mitad no deja nada; dos importaciones simultáneas del mismo archivo no duplican', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const filas = [['Clave', 'Nombre'], ...Array.from({ length: 450 }, (_, i) => [`DEP${i}`, `Dependencia de prueba ${i}`])];
    const b64 = await xlsx(filas);
    const antes = (await llamar(p.core, 'catalogos.dependencias.listar', { incluirInactivas: true }, admin)).length;
    let vistos = 0;
    const quitar = p.core.on('progreso', (pr) => {
      if (pr.tarea === 't1' && pr.texto.startsWith('Guardando') && ++vistos === 2) void p.core.call('importacion.cancelar', { tarea: 't1' }, { sesion: admin });
    });
    const f = await fallar(p.core, 'importacion.importar', entrada('dependencias', 'd.xlsx', b64, { tarea: 't1' }), admin);
    quitar();
    expect(f.code).toBe('CANCELADO');
    expect(vistos).toBe(2);
    expect((await llamar(p.core, 'catalogos.dependencias.listar', { incluirInactivas: true }, admin)).length).toBe(antes);

    const otro = await crearUsuarioYEntrar(p.core, admin, 'admin2', 'administrador');
    const [a, b] = await Promise.all([
      llamar(p.core, 'importacion.importar', entrada('dependencias', 'd.xlsx', b64), admin),
      llamar(p.core, 'importacion.importar', entrada('dependencias', 'd.xlsx', b64), otro),
    ]);
    expect(a.conteos.nuevas + b.conteos.nuevas).toBe(450);
    expect(a.conteos.sinCambio + b.conteos.sinCambio).toBe(450);
    expect((await llamar(p.core, 'catalogos.dependencias.listar', { incluirInactivas: true }, admin)).length).toBe(antes + 450);
  });

  it('un archivo de 100,000 filas se rechaza con un mensaje que dice cómo seguir', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const csv = ['Clave,Nombre', ...Array.from({ length: 100_000 }, (_, i) => `D${i},Dependencia ${i}`)].join('\n');
    const f = await fallar(p.core, 'importacion.simular', entrada('dependencias', 'grande.csv', Buffer.from(csv).toString('base64')), admin);
    expect(f.message).toMatch(/100,000 filas.*Divida/);
  });
});
