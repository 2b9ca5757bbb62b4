// Starts a job worker from the TypeScript sources (tsx scripts, vitest): the loader hooks of the main
// thread do not reach worker threads, so this thread registers tsx itself. Electron runs the bundle instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
