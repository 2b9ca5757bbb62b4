/**
 * Tesseract (Spanish, `best_int` model shipped through npm) in its own worker thread. The trained data
 * is read from node_modules; `cacheMethod: 'none'` so nothing is written or fetched: no network, ever.
 */
import type { Worker } from 'tesseract.js';
import { rutaModeloEspanol, rutaWorkerTesseract } from './rutas';

export interface Reconocido {
  texto: string;
  /** Mean word confidence, 0–100. */
  confianza: number;
}

/** One tesseract worker, started on first use and ended by `cerrar` (the app keeps one at most). */
export class Reconocedor {
  private worker: Promise<Worker> | null = null;
  private reloj: NodeJS.Timeout | null = null;

  /** `inactividadMs`: end the worker (and free its memory) after that long without work. */
  constructor(private readonly inactividadMs: number | null = null) {}

  private iniciar(): Promise<Worker> {
    return (this.worker ??= this.crear());
  }

  private async crear(): Promise<Worker> {
    const { createWorker, OEM, PSM } = await import('tesseract.js'); // on first use: see jobs/worker.ts
    const w = await createWorker('spa', OEM.LSTM_ONLY, {
      langPath: rutaModeloEspanol(),
      workerPath: rutaWorkerTesseract(),
      cacheMethod: 'none',
      gzip: true,
      // Failures come back as rejected promises; without this tesseract.js also throws them globally.
      errorHandler: () => {},
    });
    await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
    return w;
  }

  /** Recognizes a PNG/JPEG image; `rotateAuto` lets Leptonica straighten a page tilted a few degrees. */
  async reconocer(imagen: Buffer): Promise<Reconocido> {
    if (this.reloj) clearTimeout(this.reloj);
    const w = await this.iniciar();
    try {
      const r = await w.recognize(imagen, { rotateAuto: true });
      return { texto: r.data.text, confianza: Math.round(r.data.confidence) };
    } finally {
      if (this.inactividadMs !== null) (this.reloj = setTimeout(() => void this.cerrar(), this.inactividadMs)).unref();
    }
  }

  async cerrar(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await (await w.catch(() => null))?.terminate();
  }
}
