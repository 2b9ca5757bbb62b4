/** Browser mode (local profile of the HTTP transport): 127.0.0.1 only, a per-run secret token. */
import crypto from 'node:crypto';
import type { Core } from './tipos';
import { startHttp } from './http/servidor';
import { local } from './http/perfiles';

export interface ServerOptions {
  core: Core;
  /** Folder with the built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest accepted request body; an attachment of 50 MB travels as ~67 MB of base64. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  /** URL to open: carries the token once; the renderer keeps it and removes it from the address bar. */
  urlConToken: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const s = await startHttp({ core: opts.core, profile: local({ token }), staticDir: opts.staticDir, port: opts.port, maxBodyBytes: opts.maxBodyBytes });
  return { url: s.url, urlConToken: `${s.url}?token=${token}`, port: s.port, token, close: s.close };
}
