// Starts a job worker from the TypeScript sources (tsx scripts, vitest): loads tsx in this thread
// unless the process already carries it, then the worker itself. Electron runs the bundle instead.
if (!process.execArgv.some((a) => a.includes('tsx'))) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./worker.ts');
