import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { RefObject } from 'react';
import classes from './DataTable.module.css';

/**
 * The DataTable's quick search box. Escape clears it, Enter searches without waiting for the pause,
 * ↓ moves into the rows; shows the `/` hint while empty.
 */
export function CajaBusqueda({
  ref,
  texto,
  placeholder,
  etiqueta,
  atajo,
  onEscribir,
  onBorrar,
  onConfirmar,
  onBajar,
}: {
  ref: RefObject<HTMLInputElement | null>;
  texto: string;
  placeholder: string;
  etiqueta: string;
  atajo: boolean;
  onEscribir: (texto: string) => void;
  onBorrar: () => void;
  onConfirmar: () => void;
  onBajar: () => void;
}) {
  return (
    <TextInput
      ref={ref}
      className={classes.busqueda}
      size="sm"
      leftSection={<IconSearch size={16} stroke={1.8} />}
      placeholder={placeholder}
      aria-label={etiqueta}
      value={texto}
      onChange={(e) => onEscribir(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && texto) {
          e.preventDefault();
          e.stopPropagation();
          onBorrar();
        } else if (e.key === 'Enter') {
          onConfirmar();
        } else if (e.key === 'ArrowDown') {
          e.preventDefault();
          onBajar();
        }
      }}
      rightSection={
        texto ? (
          <CloseButton size="sm" aria-label="Borrar búsqueda" onClick={onBorrar} />
        ) : atajo ? (
          <kbd aria-hidden="true" style={{ fontSize: 11, color: 'var(--mantine-color-gray-5)', fontFamily: 'inherit' }}>
            /
          </kbd>
        ) : null
      }
    />
  );
}
