export * from './usuarios';
export * from './bitacora';
export * from './catalogos';
export * from './gabinete';
export * from './compromisos';
export * from './poa';
export * from './correspondencia';
export * from './tablero';
