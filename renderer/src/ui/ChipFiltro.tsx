import { Badge, CloseButton, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ChipFiltroProps extends Omit<BadgeProps, 'rightSection' | 'children'> {
  /** Names the filter for the × button: «Quitar filtro de cumplidos». */
  quitar: string;
  alQuitar: () => void;
  children: ReactNode;
  'data-testid'?: string;
}

/** A filter a list arrived with (from a tablero figure, a link), said in words, with its × to let it go. */
export function ChipFiltro({ quitar, alQuitar, children, ...props }: ChipFiltroProps) {
  return (
    <Badge variant="light" size="lg" tt="none" fw={500} {...props} rightSection={<CloseButton size="xs" aria-label={quitar} onClick={alQuitar} />}>
      {children}
    </Badge>
  );
}
