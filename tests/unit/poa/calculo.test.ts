import { describe, expect, it } from 'vitest';
import { agregar, alCorte, anual, calcular, cumplimiento, porTrimestre, semaforoCumplimiento, totales, aCentesimas } from '../../../electron/core/modules/poa/calculo';
import { BandasSemaforo } from '../../../electron/contract/ajustes';
import { AJUSTES_INICIALES } from '../../../electron/core/modules/ajustes/service';

const bandas = AJUSTES_INICIALES.bandas;
const c = (n: number | null) => (n === null ? null : aCentesimas(n));
const meses = (prog: (number | null)[], alc: (number | null)[]) => prog.map((p, i) => ({ periodo: i + 1, programado: c(p), alcanzado: c(alc[i] ?? null) }));

describe('agregación de metas del POA', () => {
  it('acumulable mensual: trimestre = suma de sus meses; anual = suma; al corte = suma hasta el trimestre', () => {
    const m = { tipo: 'acumulable' as const, periodicidad: 'mensual' as const, periodos: meses([10, 10, 10, 20, 20, 20, 5, 5, 5, 0, 0, 1.5], [8, 12, 10, 20, null, 15]) };
    expect(porTrimestre(m).map((q) => [q.programado, q.alcanzado])).toEqual([[3000, 3000], [6000, 3500], [1500, null], [150, null]]);
    expect(anual(m)).toEqual({ programado: 10650, alcanzado: 6500 });
    expect(alCorte(m, 2)).toEqual({ programado: 9000, alcanzado: 6500 });
    expect(cumplimiento(alCorte(m, 2))).toBe(72.2);
  });

  it('porcentaje: promedio de los periodos con valor; nunca se suma', () => {
    const m = { tipo: 'porcentaje' as const, periodicidad: 'trimestral' as const, periodos: meses([95, 95, 95, 95], [90, 100, null, null]) };
    expect(porTrimestre(m).map((q) => q.alcanzado)).toEqual([9000, 10000, null, null]);
    expect(anual(m)).toEqual({ programado: 9500, alcanzado: 9500 });
    expect(alCorte(m, 1)).toEqual({ programado: 9500, alcanzado: 9000 });
    expect(agregar('porcentaje', [null, null])).toBeNull();
    expect(agregar('porcentaje', [3333, 3334, 3334])).toBe(3334);
  });

  it('semáforo por bandas: verde ≥ 90, amarillo ≥ 70, rojo < 70; más de 100 % sigue verde y se muestra tal cual', () => {
    const s = (prog: number | null, alc: number | null) => semaforoCumplimiento({ programado: c(prog), alcanzado: c(alc) }, bandas);
    expect(s(100, 90).color).toBe('verde');
    expect(s(100, 89.99).color).toBe('amarillo');
    expect(s(100, 70).color).toBe('amarillo');
    expect(s(100, 69.99).color).toBe('rojo');
    expect(s(100, 0).color).toBe('rojo');
    expect(s(100, null).color).toBe('rojo');
    expect(s(80, 100)).toMatchObject({ color: 'verde', motivo: '125 % de cumplimiento' });
    expect(s(null, null)).toMatchObject({ color: 'gris', etiqueta: 'Sin meta en el periodo' });
    expect(s(0, 0)).toMatchObject({ color: 'gris', etiqueta: 'Sin meta en el periodo' });
    expect(s(0, 5)).toMatchObject({ color: 'verde' });
    const otras = { verde: { desde: 95 }, amarillo: { desde: 80, hasta: 95 }, rojo: { hasta: 80 } };
    expect(semaforoCumplimiento({ programado: 10000, alcanzado: 9000 }, otras).color).toBe('amarillo');
  });

  it('TOTALES suma solo las metas acumulables', () => {
    const a = { tipo: 'acumulable' as const, periodicidad: 'trimestral' as const, periodos: meses([10, 10, 10, 10], [10, 5, null, null]) };
    const b = { tipo: 'acumulable' as const, periodicidad: 'mensual' as const, periodos: meses(Array(12).fill(1), [1, 1, 1]) };
    const pc = { tipo: 'porcentaje' as const, periodicidad: 'trimestral' as const, periodos: meses([95, 95, 95, 95], [50, 50]) };
    const ms = [a, b, pc].map((m) => ({ ...m, calculada: calcular(m, 2, bandas) }));
    const t = totales(ms, bandas);
    expect(t.metasSumadas).toBe(2);
    expect(t.trimestres.map((q) => q.programado)).toEqual([1300, 1300, 1300, 1300]);
    expect(t.trimestres.map((q) => q.alcanzado)).toEqual([1300, 500, null, null]);
    expect(t.anual).toEqual({ programado: 5200, alcanzado: 1800 });
    expect(t.alCorte).toEqual({ programado: 2600, alcanzado: 1800 });
    expect(t.cumplimiento).toBe(69.2);
    expect(t.semaforo.color).toBe('rojo');
  });
});

describe('bandas del semáforo (validación de Ajustes)', () => {
  it('acepta las bandas por omisión y bandas que se tocan', () => {
    expect(BandasSemaforo.safeParse(bandas).success).toBe(true);
    expect(BandasSemaforo.safeParse({ verde: { desde: 95 }, amarillo: { desde: 80, hasta: 95 }, rojo: { hasta: 80 } }).success).toBe(true);
  });
  it('rechaza un hueco', () => {
    const r = BandasSemaforo.safeParse({ verde: { desde: 90 }, amarillo: { desde: 75, hasta: 90 }, rojo: { hasta: 70 } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toContain('Hay un hueco entre rojo (70 %) y amarillo (75 %)');
  });
  it('rechaza un traslape', () => {
    const r = BandasSemaforo.safeParse({ verde: { desde: 85 }, amarillo: { desde: 70, hasta: 90 }, rojo: { hasta: 70 } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toContain('se traslapan');
  });
});
