/** Late capture (issue #11 item 7): a turno and its attention carry the day they really happened. */
import { afterEach, describe, expect, it } from 'vitest';
import { fallar, llamar } from '../ayuda';
import { datosAsunto, escenario, type Escenario } from '../correspondencia/apoyo';

let e: Escenario;
afterEach(() => e?.p.cerrar());

describe('captura tardía de turnos', () => {
  it('un turno capturado tarde toma su fecha real, su plazo corre desde ella y puede nacer vencido', async () => {
    e = await escenario();
    // Reception on 2026-10-01; the clock says 2026-11-20.
    const a = await llamar(e.p.core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-10-01', oficioFecha: '2026-09-30' }), e.cap);
    const r = await llamar(
      e.p.core,
      'correspondencia.turnar',
      { asuntoId: a.id, dependencias: [e.dep.SIDUR ?? Object.values(e.dep)[0]], instruccionId: e.instr.ATENCION, fecha: '2026-10-02' },
      e.cap,
    );
    const t = r.turnos[0];
    expect(t.fechaTurno).toBe('2026-10-02');
    expect(t.fechaLimite! < '2026-11-20').toBe(true);
    expect(t.semaforoPlazo.clave).toBe('vencido');
    const ev = r.eventos.find((x) => x.tipo === 'turno')!;
    expect(ev.ocurrio).toBe('2026-10-02');
    expect(ev.momento).toBe(e.p.reloj.ahora); // the bitácora/timeline keep the capture instant

    // Attended late too: the atendido instant is that day, not now.
    const r2 = await llamar(
      e.p.core,
      'correspondencia.turnos.actualizar',
      { id: t.id, version: t.version, estatus: 'atendido', fecha: '2026-10-10', respuesta: { numeroOficio: 'SIDUR/1', fecha: '2026-10-10', resumen: 'Atendido' } },
      e.cap,
    );
    expect(r2.turnos[0].estatus).toBe('atendido');
    expect(r2.turnos[0].atendido! < e.p.reloj.ahora).toBe(true);
    expect(r2.eventos.at(-1)!.ocurrio).toBe('2026-10-10');
  });

  it('rechaza fechas futuras o anteriores a la recepción, y respuestas anteriores al turno', async () => {
    e = await escenario();
    const a = await llamar(e.p.core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-10-01', oficioFecha: '2026-09-30' }), e.cap);
    const dep = Object.values(e.dep)[0];
    const f1 = await fallar(e.p.core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [dep], instruccionId: e.instr.ATENCION, fecha: '2026-11-21' }, e.cap);
    expect(f1.message).toMatch(/futuro/);
    const f2 = await fallar(e.p.core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [dep], instruccionId: e.instr.ATENCION, fecha: '2026-09-30' }, e.cap);
    expect(f2.message).toMatch(/anterior a la recepción/);
    const r = await llamar(e.p.core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [dep], instruccionId: e.instr.ATENCION, fecha: '2026-10-05' }, e.cap);
    const t = r.turnos[0];
    const f3 = await fallar(
      e.p.core,
      'correspondencia.turnos.actualizar',
      { id: t.id, version: t.version, estatus: 'atendido', respuesta: { numeroOficio: 'X', fecha: '2026-10-03', resumen: '' } },
      e.cap,
    );
    expect(f3.message).toMatch(/anterior al turno/);
    const sin = await llamar(e.p.core, 'correspondencia.obtener', { id: a.id }, e.cap);
    expect(sin.turnos[0].estatus).toBe('pendiente');
  });
});
