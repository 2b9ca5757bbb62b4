/**
 * The POA grid: metas as rows, quarters as columns (monthly metas show their three months), programado
 * and alcanzado per cell, TOTALES of the acumulable metas, semáforo per meta. Capture like a
 * spreadsheet: type, Enter saves and goes down, ↑ ↓ move, Esc restores. Figures come computed from the core.
 * What is typed and not yet saved (a cell left with `-5`, a reload before Enter) is the grid's draft.
 */
import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDots, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { AvisosBorrador, Semaforo, numero, plural, useBorradorEstado, type ColorSemaforo } from '../../ui';
import type { Meta } from './FormularioMeta';

type Tablero = Output<'poa.tablero'>;
const ROMANOS = ['I', 'II', 'III', 'IV'];
const MESES = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'];

const fmt = (n: number | null) => (n === null ? '—' : numero(n, Number.isInteger(n) ? 0 : 2));

function moverA(desde: HTMLInputElement, paso: number) {
  const fila = Number(desde.dataset.fila) + paso;
  const col = Number(desde.dataset.col);
  const candidatos = [...document.querySelectorAll<HTMLInputElement>(`input[data-fila="${fila}"]`)];
  if (!candidatos.length) return;
  candidatos.sort((a, b) => Math.abs(Number(a.dataset.col) - col) - Math.abs(Number(b.dataset.col) - col));
  candidatos[0].focus();
  candidatos[0].select();
}

/** Why a typed alcanzado cannot be saved (null if it can): `abc`, `-5`. */
export function errorDeCelda(escrito: string, valor: number | null): string | null {
  if (valor === null) return null;
  if (!Number.isFinite(valor)) return `«${escrito}» no es un número.`;
  if (valor < 0) return `No puede ser negativo (${escrito}).`;
  return null;
}

/** Cells typed and not saved, by `metaId.periodo`. */
type Escritos = Record<string, string>;

interface PropsCelda {
  meta: Meta;
  periodo: Meta['periodos'][number];
  fila: number;
  puedeEscribir: boolean;
  alCambiar: (m: Meta) => void;
  /** Text put back from a draft. */
  recuperado: string | undefined;
  /** What the cell holds that is not saved (`null`: nothing). */
  alEscribir: (clave: string, texto: string | null) => void;
}

function Celda({ meta, periodo, fila, puedeEscribir, alCambiar, recuperado, alEscribir }: PropsCelda) {
  const original = periodo.alcanzado === null ? '' : String(periodo.alcanzado);
  const clave = `${meta.id}.${periodo.periodo}`;
  const [texto, setTextoLocal] = useState(original);
  const [error, setError] = useState<string | null>(null);
  const [guardando, setGuardando] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const idError = useId();
  // What the core holds for this cell and its version: Enter and the blur that follows must not save twice.
  const guardado = useRef({ texto: original, version: periodo.version });
  const enCurso = useRef<Promise<boolean> | null>(null);
  useEffect(() => {
    guardado.current = { texto: original, version: periodo.version };
    if (!enCurso.current) setTexto(original);
  }, [original, periodo.version]);
  const setTexto = (t: string) => {
    setTextoLocal(t);
    alEscribir(clave, t.trim() === guardado.current.texto ? null : t);
  };
  const bloqueada = !puedeEscribir || periodo.cerrado || meta.cancelada;
  // Only when a draft is taken back (not on every render of the grid).
  useEffect(() => {
    if (recuperado !== undefined && !bloqueada) setTexto(recuperado);
  }, [recuperado]);
  const col = meta.periodicidad === 'mensual' ? periodo.periodo : periodo.periodo * 3;
  const etiqueta = `Alcanzado ${meta.periodicidad === 'mensual' ? MESES[periodo.periodo - 1] : `trimestre ${ROMANOS[periodo.periodo - 1]}`}, meta ${meta.numero}`;

  const guardar = (): Promise<boolean> => {
    if (enCurso.current) return enCurso.current;
    const escrito = texto.trim();
    if (escrito === guardado.current.texto) return Promise.resolve(true);
    const limpio = escrito.replace(/,/g, '');
    const valor = limpio === '' ? null : Number(limpio);
    // What was typed stays in the cell, with the reason under it.
    const problema = errorDeCelda(escrito, valor);
    if (problema) {
      setError(problema);
      return Promise.resolve(false);
    }
    setGuardando(true);
    enCurso.current = (async () => {
      try {
        const m = await api.llamar('poa.capturar', { metaId: meta.id, periodo: periodo.periodo, version: guardado.current.version, alcanzado: valor, comentario: periodo.comentario });
        const nuevo = m.periodos.find((p) => p.periodo === periodo.periodo);
        guardado.current = { texto: escrito, version: nuevo?.version ?? guardado.current.version + 1 };
        alEscribir(clave, null);
        setError(null);
        alCambiar(m);
        return true;
      } catch (e) {
        setError((e as Error).message);
        return false;
      } finally {
        enCurso.current = null;
        setGuardando(false);
      }
    })();
    return enCurso.current;
  };
  const teclas = async (ev: KeyboardEvent<HTMLInputElement>) => {
    const el = ev.currentTarget;
    if (ev.key === 'Enter' || ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const ok = await guardar();
      if (ok) moverA(el, ev.key === 'ArrowUp' || (ev.key === 'Enter' && ev.shiftKey) ? -1 : 1);
    } else if (ev.key === 'Escape') {
      setTexto(guardado.current.texto);
      setError(null);
    }
  };
  return (
    <Tooltip label={error ?? `Programado: ${fmt(periodo.programado)}${periodo.comentario ? ` · ${periodo.comentario}` : ''}`} color={error ? 'red' : undefined} withArrow>
      <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }}>
        <Text size="xs" c="dimmed" lh={1.1}>
          {meta.periodicidad === 'mensual' ? `${MESES[periodo.periodo - 1]} ` : ''}P {fmt(periodo.programado)}
        </Text>
        <input
          ref={ref}
          aria-label={etiqueta}
          aria-invalid={error ? true : undefined}
          aria-errormessage={error ? `${idError}` : undefined}
          data-fila={fila}
          data-clave={clave}
          data-col={col}
          value={texto}
          readOnly={bloqueada}
          inputMode="decimal"
          onChange={(e) => setTexto(e.currentTarget.value)}
          onBlur={() => void guardar()}
          onKeyDown={(e) => void teclas(e)}
          onFocus={(e) => e.currentTarget.select()}
          style={{
            width: meta.periodicidad === 'mensual' ? 46 : 64,
            textAlign: 'right',
            font: 'inherit',
            fontSize: 14,
            padding: '2px 4px',
            border: `1px solid ${error ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-4)'}`,
            borderRadius: 4,
            background: bloqueada ? 'var(--mantine-color-gray-1)' : guardando ? 'var(--mantine-color-yellow-0)' : 'white',
          }}
        />
        {error && (
          <Text id={idError} role="alert" size="xs" c="red.8" lh={1.15} ta="right" maw={meta.periodicidad === 'mensual' ? 90 : 120} style={{ whiteSpace: 'normal' }}>
            {error}
          </Text>
        )}
      </div>
    </Tooltip>
  );
}

function Par({ p }: { p: { programado: number | null; alcanzado: number | null } }) {
  return (
    <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
      <Text size="xs" c="dimmed">P {fmt(p.programado)}</Text>
      <Text size="sm" fw={600}>A {fmt(p.alcanzado)}</Text>
    </div>
  );
}

export function Cuadricula({ tablero, semaforo = null, puedeEscribir, alCambiar, alDetalle }: {
  tablero: Tablero;
  /** Only the metas with this semáforo (the TOTALES of all metas are then left out). */
  semaforo?: ColorSemaforo | null;
  puedeEscribir: boolean;
  alCambiar: (m: Meta) => void;
  alDetalle: (m: Meta) => void;
}) {
  const metas = tablero.metas.filter((m) => !m.cancelada && (!semaforo || m.semaforo.color === semaforo));
  const t = tablero.totales;
  const [escritos, setEscritos] = useState<Escritos>({});
  const [recuperados, setRecuperados] = useState<Escritos>({});
  const alEscribir = useCallback((clave: string, texto: string | null) => {
    setEscritos((e) => {
      if (texto !== null) return e[clave] === texto ? e : { ...e, [clave]: texto };
      if (!(clave in e)) return e;
      const { [clave]: _, ...resto } = e;
      return resto;
    });
  }, []);
  const borrador = useBorradorEstado(puedeEscribir ? `poa.cuadricula.${tablero.anio}` : undefined, escritos, {}, (v) => {
    setRecuperados(v);
    // The first cell taken back gets the focus: Enter saves it and goes down.
    requestAnimationFrame(() => {
      const primera = Object.keys(v)[0];
      const el = primera ? document.querySelector<HTMLInputElement>(`input[data-clave="${primera}"]`) : null;
      el?.focus();
    });
  });
  return (
    <Stack gap={4}>
    <AvisosBorrador b={borrador} />
    <Table.ScrollContainer minWidth={1080} type="native">
    <Table withTableBorder withColumnBorders fz="sm" aria-label={`POA ${tablero.anio}`} verticalSpacing={4} horizontalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44}>No.</Table.Th>
          <Table.Th miw={200}>Descripción</Table.Th>
          <Table.Th w={70}>Área</Table.Th>
          {ROMANOS.map((r, i) => (
            <Table.Th key={r} ta="center">
              <Group gap={4} justify="center" wrap="nowrap">
                {r}
                {tablero.cerrados.includes(i + 1) && (
                  <Badge size="xs" color="gray" leftSection={<IconLock size={10} />}>Cerrado</Badge>
                )}
              </Group>
            </Table.Th>
          ))}
          <Table.Th ta="right" w={90}>Total anual</Table.Th>
          <Table.Th ta="right" w={80}>% al {ROMANOS[Math.max(0, tablero.corte - 1)]}</Table.Th>
          <Table.Th w={130}>Semáforo</Table.Th>
          <Table.Th w={36} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {metas.map((m, fila) => (
          <Table.Tr key={m.id} data-meta={m.numero}>
            <Table.Td>{m.numero}</Table.Td>
            <Table.Td>
              <Text size="sm">{m.descripcion}</Text>
              <Text size="xs" c="dimmed">
                {m.unidadMedida} · {m.tipo === 'porcentaje' ? 'porcentaje (promedio)' : 'acumulable'} · {m.periodicidad}
              </Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label={m.unidadNombre}><span>{m.unidadClave}</span></Tooltip>
            </Table.Td>
            {[1, 2, 3, 4].map((q) => (
              <Table.Td key={q} style={{ verticalAlign: 'top' }}>
                <Group gap={3} justify="flex-end" wrap="nowrap">
                  {m.periodos.filter((p) => p.trimestre === q).map((p) => (
                    <Celda key={p.periodo} meta={m} periodo={p} fila={fila} puedeEscribir={puedeEscribir} alCambiar={alCambiar} recuperado={recuperados[`${m.id}.${p.periodo}`]} alEscribir={alEscribir} />
                  ))}
                </Group>
                {m.periodicidad === 'mensual' && (
                  <Text size="xs" ta="right" c="dimmed" mt={2}>
                    Trim. {fmt(m.trimestres[q - 1].alcanzado)} de {fmt(m.trimestres[q - 1].programado)}
                  </Text>
                )}
              </Table.Td>
            ))}
            <Table.Td><Par p={m.anual} /></Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{m.cumplimiento === null ? '—' : `${numero(m.cumplimiento, 1)} %`}</Table.Td>
            <Table.Td>
              <Semaforo color={m.semaforo.color} texto={m.semaforo.etiqueta} motivo={m.semaforo.motivo} />
            </Table.Td>
            <Table.Td>
              <ActionIcon variant="subtle" aria-label={`Detalle de la meta ${m.numero}`} onClick={() => alDetalle(m)}>
                <IconDots size={16} />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {!semaforo && <Table.Tfoot>
        <Table.Tr style={{ background: 'var(--mantine-color-gray-1)' }} data-totales>
          <Table.Td />
          <Table.Td>
            <Text fw={700}>TOTALES</Text>
            <Text size="xs" c="dimmed">{plural(t.metasSumadas, "meta acumulable", "metas acumulables")} (las de porcentaje no se suman)</Text>
          </Table.Td>
          <Table.Td />
          {t.trimestres.map((p, i) => (
            <Table.Td key={i}><Par p={p} /></Table.Td>
          ))}
          <Table.Td><Par p={t.anual} /></Table.Td>
          <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>{t.cumplimiento === null ? '—' : `${numero(t.cumplimiento, 1)} %`}</Table.Td>
          <Table.Td><Semaforo color={t.semaforo.color} texto={t.semaforo.etiqueta} motivo={t.semaforo.motivo} /></Table.Td>
          <Table.Td />
        </Table.Tr>
      </Table.Tfoot>}
    </Table>
    </Table.ScrollContainer>
    </Stack>
  );
}
