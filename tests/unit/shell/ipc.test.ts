import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import type { ArchivoGenerado, Resultado } from '../../../electron/core/tipos';
import { RECHAZADO, registrarIpc, validarLlamada } from '../../../electron/shell/ipc';
import { CANAL } from '../../../electron/shell/puente';
import { dialog, FakeBrowserWindow, manejadoresIpc, reiniciarElectron, shell, type Marco } from './electron-falso';

let tmp: string;

function coreFalso(archivos: Record<string, ArchivoGenerado> = {}) {
  return {
    call: vi.fn(async (method: string, input: unknown, opts?: { sesion?: string | null }): Promise<Resultado> => ({
      ok: true,
      data: { method, input, sesion: opts?.sesion ?? null },
    })),
    archivoGenerado: vi.fn((id: string, sesion: string | null) => (sesion === 'ses-1' ? (archivos[id] ?? null) : null)),
  };
}

/** An IPC event from a page loaded at `url`, in the main frame or in a subframe. */
function eventoDesde(url: string, { subframe = false } = {}) {
  const ventana = new FakeBrowserWindow({ width: 800, height: 600 });
  const principal: Marco = { url: subframe ? 'app://app/index.html' : url, parent: null };
  ventana.webContents.mainFrame = principal;
  const senderFrame: Marco = subframe ? { url, parent: principal } : principal;
  return { sender: ventana.webContents, senderFrame, ventana };
}

const confiable = () => eventoDesde('app://app/index.html');

function invocar(canal: string, event: unknown, ...args: unknown[]) {
  const h = manejadoresIpc.get(canal);
  if (!h) throw new Error(`sin manejador para ${canal}`);
  return h(event, ...args) as Promise<any>;
}

beforeEach(() => {
  reiniciarElectron();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-ipc-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('channel sse → core.call', () => {
  it('registers exactly the fixed set of channels (mode channels: conexion.ts; events go the other way)', () => {
    registrarIpc(coreFalso());
    const propios = Object.values(CANAL).filter((c) => !([CANAL.progreso, CANAL.cambio, CANAL.modo, CANAL.modoHuella, CANAL.modoElegir] as string[]).includes(c));
    expect([...manejadoresIpc.keys()].sort()).toEqual(propios.sort());
  });

  it('a trusted sender reaches core.call with the method, the input and the session', async () => {
    const core = coreFalso();
    registrarIpc(core);
    const r = await invocar(CANAL.llamar, confiable(), { method: 'correspondencia.listar', input: { pagina: 1 }, sesion: 'ses-1' });
    expect(core.call).toHaveBeenCalledTimes(1);
    expect(core.call).toHaveBeenCalledWith('correspondencia.listar', { pagina: 1 }, { sesion: 'ses-1', clave: null });
    expect(r).toEqual({ ok: true, data: { method: 'correspondencia.listar', input: { pagina: 1 }, sesion: 'ses-1' } });
  });

  it('without a session the core gets sesion: null', async () => {
    const core = coreFalso();
    registrarIpc(core);
    await invocar(CANAL.llamar, confiable(), { method: 'usuarios.primerUso', input: null });
    expect(core.call).toHaveBeenCalledWith('usuarios.primerUso', null, { sesion: null, clave: null });
  });

  it('another origin is rejected and the core is not called', async () => {
    const core = coreFalso();
    registrarIpc(core);
    const r = await invocar(CANAL.llamar, eventoDesde('https://evil.example/'), { method: 'usuarios.listar', input: null, sesion: 'ses-1' });
    expect(r).toEqual(RECHAZADO);
    expect(core.call).not.toHaveBeenCalled();
  });

  it('a subframe (even of our own origin) is rejected and the core is not called', async () => {
    const core = coreFalso();
    registrarIpc(core);
    for (const url of ['app://app/index.html', 'https://evil.example/']) {
      const r = await invocar(CANAL.llamar, eventoDesde(url, { subframe: true }), { method: 'usuarios.listar', input: null, sesion: 'ses-1' });
      expect(r).toEqual(RECHAZADO);
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('an event without a sender frame is rejected', async () => {
    const core = coreFalso();
    registrarIpc(core);
    const r = await invocar(CANAL.llamar, { sender: null, senderFrame: null }, { method: 'x', input: null });
    expect(r).toEqual(RECHAZADO);
    expect(core.call).not.toHaveBeenCalled();
  });

  it('a malformed payload gets a PETICION error, not a call', async () => {
    const core = coreFalso();
    registrarIpc(core);
    for (const datos of [null, 'usuarios.listar', [], { method: 42 }, { method: '../x' }, { method: 'a', sesion: 7 }]) {
      const r = (await invocar(CANAL.llamar, confiable(), datos)) as Resultado;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('PETICION');
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('a core that throws still answers with a result', async () => {
    const core = coreFalso();
    core.call.mockRejectedValueOnce(new Error('boom'));
    registrarIpc(core);
    const r = (await invocar(CANAL.llamar, confiable(), { method: 'x.y', input: null })) as Resultado;
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNO' } });
  });

  it('validarLlamada', () => {
    expect(validarLlamada({ method: 'a.b', input: { x: 1 }, sesion: 's' })).toEqual({ method: 'a.b', input: { x: 1 }, sesion: 's', clave: null });
    expect(validarLlamada({ method: 'a.b' })).toEqual({ method: 'a.b', input: null, sesion: null, clave: null });
    expect(validarLlamada({ method: 'a.b', clave: 'k-1234567' })).toMatchObject({ clave: 'k-1234567' });
    expect(validarLlamada({ method: 'a.b', clave: 7 })).toBeNull();
    expect(validarLlamada({ method: '' })).toBeNull();
  });

  it('the returned function removes every handler', () => {
    const quitar = registrarIpc(coreFalso());
    quitar();
    expect(manejadoresIpc.size).toBe(0);
  });
});

describe('desktop channels', () => {
  function archivo(nombre: string, contenido = 'contenido', ext = path.extname(nombre)): ArchivoGenerado {
    const ruta = path.join(tmp, `generado-${Math.random().toString(36).slice(2)}${ext}`);
    fs.writeFileSync(ruta, contenido);
    return { ruta, nombre, tipo: 'application/octet-stream' };
  }

  it('reject untrusted senders', async () => {
    const core = coreFalso({ a: archivo('informe.pdf') });
    registrarIpc(core);
    const ajeno = eventoDesde('https://evil.example/');
    for (const canal of [CANAL.imprimir, CANAL.guardarComo, CANAL.abrir, CANAL.mostrarEnCarpeta]) {
      await expect(invocar(canal, ajeno, 'a', 'ses-1')).rejects.toThrow(/rechazada/);
    }
    expect(core.archivoGenerado).not.toHaveBeenCalled();
    expect(ajeno.sender.print).not.toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('imprimir opens the print dialog of the calling page', async () => {
    registrarIpc(coreFalso());
    const e = confiable();
    await invocar(CANAL.imprimir, e);
    expect(e.sender.print).toHaveBeenCalledWith(expect.objectContaining({ silent: false, printBackground: true }), expect.any(Function));
  });

  it('guardarComo copies the generated file to the chosen path', async () => {
    const a = archivo('Informe trimestral — 2026.xlsx', 'xlsx-bytes');
    const core = coreFalso({ inf: a });
    registrarIpc(core);
    const destino = path.join(tmp, 'elegido.xlsx');
    dialog.showSaveDialog.mockImplementationOnce(async () => ({ canceled: false, filePath: destino }));
    const e = confiable();
    const r = await invocar(CANAL.guardarComo, e, 'inf', 'ses-1');
    expect(r).toEqual({ guardado: true, ruta: destino });
    expect(fs.readFileSync(destino, 'utf8')).toBe('xlsx-bytes');
    expect(core.archivoGenerado).toHaveBeenCalledWith('inf', 'ses-1');
    const [ventana, opciones] = dialog.showSaveDialog.mock.calls[0] as [unknown, any];
    expect(ventana).toBe(e.ventana);
    expect(path.basename(opciones.defaultPath)).toBe('Informe trimestral — 2026.xlsx');
    expect(opciones.filters[0]).toEqual({ name: 'Libro de Excel', extensions: ['xlsx'] });
  });

  it('guardarComo: cancelled → not saved, no reason; unknown file or other session → reason in Spanish', async () => {
    const core = coreFalso({ inf: archivo('a.pdf') });
    registrarIpc(core);
    expect(await invocar(CANAL.guardarComo, confiable(), 'inf', 'ses-1')).toEqual({ guardado: false });
    const r = await invocar(CANAL.guardarComo, confiable(), 'inf', 'otra-sesion');
    expect(r.guardado).toBe(false);
    expect(r.motivo).toMatch(/No se encontró el archivo/);
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('abrir opens documents with the system, copying stored files to a correctly named temp file', async () => {
    const pdf = archivo('acuse.pdf');
    const guardado = archivo('Oficio 123.docx', 'docx', ''); // content-addressed: no extension on disk
    registrarIpc(coreFalso({ pdf, guardado }));
    expect(await invocar(CANAL.abrir, confiable(), 'pdf', 'ses-1')).toEqual({ abierto: true });
    expect(shell.openPath).toHaveBeenLastCalledWith(pdf.ruta);
    expect(await invocar(CANAL.abrir, confiable(), 'guardado', 'ses-1')).toEqual({ abierto: true });
    const abierto = shell.openPath.mock.calls[1][0] as string;
    expect(path.basename(abierto)).toBe('Oficio 123.docx');
    expect(fs.readFileSync(abierto, 'utf8')).toBe('docx');
    fs.rmSync(path.dirname(abierto), { recursive: true, force: true });
  });

  it('abrir refuses executables and scripts', async () => {
    registrarIpc(coreFalso({ exe: archivo('factura.pdf.exe'), js: archivo('macro.js'), lnk: archivo('x.lnk') }));
    for (const id of ['exe', 'js', 'lnk']) {
      const r = await invocar(CANAL.abrir, confiable(), id, 'ses-1');
      expect(r.abierto).toBe(false);
      expect(r.motivo).toMatch(/Por seguridad/);
    }
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('mostrarEnCarpeta shows the file in the file manager', async () => {
    const a = archivo('informe.pdf');
    registrarIpc(coreFalso({ a }));
    expect(await invocar(CANAL.mostrarEnCarpeta, confiable(), 'a', 'ses-1')).toEqual({ mostrado: true });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(a.ruta);
    const r = await invocar(CANAL.mostrarEnCarpeta, confiable(), 'no-existe', 'ses-1');
    expect(r.mostrado).toBe(false);
  });
});
