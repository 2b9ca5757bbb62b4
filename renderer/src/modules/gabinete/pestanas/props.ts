/** What Reunion.tsx hands every tab: the meeting, whether it may change, and how to reload it. */
import type { Reunion } from '../comun';

export interface Props {
  r: Reunion;
  editable: boolean;
  alCambiar: () => unknown;
}
