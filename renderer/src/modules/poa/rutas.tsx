export { rutas } from './PaginaPoa';
