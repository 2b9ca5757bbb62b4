import { UnstyledButton } from '@mantine/core';
import { numero, porcentaje } from './formato';
import {
  COLOR_SEMAFORO,
  COLORES_SEMAFORO,
  NOMBRE_COLOR_SEMAFORO,
  TINTA_SEMAFORO,
  type ColorSemaforo,
} from './semaforoColores';

export interface BarraSemaforoProps {
  /** Counts per colour (as computed by the core). Missing colours count as 0; gris is shown only if > 0. */
  conteos: Partial<Record<ColorSemaforo, number>>;
  /** Words for each colour, e.g. `{ verde: 'Atendidos', amarillo: 'En proceso', rojo: 'Pendientes' }`. */
  etiquetas?: Partial<Record<ColorSemaforo, string>>;
  /** Makes each legend entry (and bar segment) a link to the filtered list. */
  onSeleccionar?: (color: ColorSemaforo) => void;
  /** Names the bar for screen readers: "Correspondencia por estatus". */
  titulo?: string;
  /** Bar height in px (default 12). */
  altura?: number;
  /** Show the legend under the bar (default true). */
  leyenda?: boolean;
}

/** A stacked horizontal bar of counts per semáforo colour, with a legend of words and counts. */
export function BarraSemaforo({
  conteos,
  etiquetas = {},
  onSeleccionar,
  titulo,
  altura = 12,
  leyenda = true,
}: BarraSemaforoProps) {
  const colores = COLORES_SEMAFORO.filter((c) => c !== 'gris' || (conteos.gris ?? 0) > 0);
  const total = colores.reduce((s, c) => s + Math.max(0, conteos[c] ?? 0), 0);
  const etiqueta = (c: ColorSemaforo) => etiquetas[c] ?? NOMBRE_COLOR_SEMAFORO[c];
  const pct = (n: number) => (total > 0 ? (n * 100) / total : 0);
  const resumen =
    total === 0
      ? 'Sin registros'
      : colores.map((c) => `${etiqueta(c)}: ${numero(conteos[c] ?? 0)} (${porcentaje(pct(conteos[c] ?? 0), 0)})`).join('; ');

  return (
    <div className="sse-barra-semaforo" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div
        role="img"
        aria-label={titulo ? `${titulo}. ${resumen}` : resumen}
        title={resumen}
        style={{
          display: 'flex',
          height: altura,
          borderRadius: altura / 2,
          overflow: 'hidden',
          background: 'var(--mantine-color-gray-2)',
          gap: total > 0 ? 2 : 0,
          printColorAdjust: 'exact',
          WebkitPrintColorAdjust: 'exact',
        }}
      >
        {total > 0 &&
          colores.map((c) => {
            const n = conteos[c] ?? 0;
            if (n <= 0) return null;
            return (
              <div
                key={c}
                data-segmento={c}
                onClick={onSeleccionar ? () => onSeleccionar(c) : undefined}
                style={{
                  flexGrow: n,
                  flexBasis: 0,
                  minWidth: 3,
                  background: COLOR_SEMAFORO[c],
                  cursor: onSeleccionar ? 'pointer' : undefined,
                }}
              />
            );
          })}
      </div>
      {leyenda && (
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16, rowGap: 4 }}>
          {total === 0 ? (
            <span style={{ fontSize: 13, color: 'var(--mantine-color-dimmed)' }}>Sin registros</span>
          ) : (
            colores.map((c) => {
              const n = conteos[c] ?? 0;
              const contenido = (
                <>
                  <span
                    aria-hidden="true"
                    style={{ width: 9, height: 9, borderRadius: '50%', background: COLOR_SEMAFORO[c], flex: 'none' }}
                  />
                  <span style={{ color: 'var(--mantine-color-text)' }}>{etiqueta(c)}</span>
                  <strong style={{ color: TINTA_SEMAFORO[c], fontVariantNumeric: 'tabular-nums' }}>{numero(n)}</strong>
                  <span style={{ color: 'var(--mantine-color-dimmed)', fontVariantNumeric: 'tabular-nums' }}>
                    {porcentaje(pct(n), 0)}
                  </span>
                </>
              );
              const estilo = { display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 13 } as const;
              return onSeleccionar ? (
                <UnstyledButton
                  key={c}
                  onClick={() => onSeleccionar(c)}
                  style={{ ...estilo, borderRadius: 4, padding: '1px 2px' }}
                  aria-label={`${etiqueta(c)}: ${numero(n)}. Ver la lista`}
                >
                  {contenido}
                </UnstyledButton>
              ) : (
                <span key={c} style={estilo}>
                  {contenido}
                </span>
              );
            })
          )}
        </div>
      )}
    </div>
  );
}
