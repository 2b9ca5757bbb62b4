export * from './usuarios';
export * from './bitacora';
export * from './catalogos';
