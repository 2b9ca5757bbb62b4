// Piezas de pdfkit que no están en sus tipos públicos; se usan solo en el kit y las pruebas las cubren.

export interface FuenteInterna {
  id: string;
  ascender: number;
  encode(texto: string): [string[], unknown];
  widthOfString(texto: string, tamano: number): number;
  ref(): PDFKit.PDFKitReference;
}
export interface ReferenciaInterna extends PDFKit.PDFKitReference {
  end(contenido?: string): void;
}
export type DocInterno = PDFKit.PDFDocument & {
  _font: FuenteInterna;
  _fontSize: number;
  _fillColor?: [unknown, number];
  _wrapper: unknown;
  _textOptions: unknown;
  page: PDFKit.PDFPage & { xobjects: Record<string, unknown> };
};
export interface ImagenAbierta {
  width: number;
  height: number;
}
