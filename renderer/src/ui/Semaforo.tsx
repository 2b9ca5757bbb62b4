import { Tooltip } from '@mantine/core';
import type { CSSProperties } from 'react';
import {
  BORDE_SEMAFORO,
  COLOR_SEMAFORO,
  FONDO_SEMAFORO,
  TINTA_SEMAFORO,
  type ColorSemaforo,
} from './semaforoColores';

export interface SemaforoProps {
  /** Computed by the core; never recomputed here. */
  color: ColorSemaforo;
  /** The word, always shown next to the dot: "A tiempo", "En riesgo", "Vencido", "Atendido"… */
  texto: string;
  /** Why: "vencido hace 3 días hábiles", "avance 40 % de 70 % esperado". */
  motivo?: string | null;
  /**
   * Where the motivo goes: `tooltip` (default; also read by screen readers), `junto` (dimmed, on the
   * same line — good for detail headers) or `debajo` (on a second line).
   */
  mostrarMotivo?: 'tooltip' | 'junto' | 'debajo';
  tamano?: 'sm' | 'md';
}

const oculto: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** A semáforo: a coloured dot **and** the word (colour-blind and black-and-white printing safe). */
export function Semaforo({ color, texto, motivo, mostrarMotivo = 'tooltip', tamano = 'sm' }: SemaforoProps) {
  const md = tamano === 'md';
  const insignia = (
    <span
      className="sse-semaforo"
      data-semaforo={color}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: md ? 7 : 6,
        padding: md ? '2px 10px' : '0 8px',
        minHeight: md ? 26 : 22,
        borderRadius: 999,
        background: FONDO_SEMAFORO[color],
        border: `1px solid ${BORDE_SEMAFORO[color]}`,
        color: TINTA_SEMAFORO[color],
        fontSize: md ? 14 : 13,
        fontWeight: 600,
        lineHeight: 1.2,
        whiteSpace: 'nowrap',
        verticalAlign: 'middle',
        printColorAdjust: 'exact',
        WebkitPrintColorAdjust: 'exact',
      }}
    >
      <span
        aria-hidden="true"
        data-punto=""
        style={{
          width: md ? 10 : 8,
          height: md ? 10 : 8,
          borderRadius: '50%',
          background: COLOR_SEMAFORO[color],
          flex: 'none',
        }}
      />
      <span>{texto}</span>
      {motivo && mostrarMotivo === 'tooltip' ? <span style={oculto}>{`, ${motivo}`}</span> : null}
    </span>
  );

  if (!motivo) return insignia;

  if (mostrarMotivo === 'tooltip') {
    return (
      <Tooltip label={motivo} openDelay={300} withArrow>
        {insignia}
      </Tooltip>
    );
  }

  return (
    <span
      style={{
        display: 'inline-flex',
        flexDirection: mostrarMotivo === 'debajo' ? 'column' : 'row',
        alignItems: mostrarMotivo === 'debajo' ? 'flex-start' : 'center',
        gap: mostrarMotivo === 'debajo' ? 2 : 8,
      }}
    >
      {insignia}
      <span style={{ fontSize: md ? 13 : 12, color: 'var(--mantine-color-dimmed)', whiteSpace: 'nowrap' }}>
        {motivo}
      </span>
    </span>
  );
}
