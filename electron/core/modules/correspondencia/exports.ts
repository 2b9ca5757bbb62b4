/** What other modules may use from correspondencia. */
export { expresionFts } from './busqueda';
