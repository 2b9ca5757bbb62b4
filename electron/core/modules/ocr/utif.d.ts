/** The part of utif (pure-JS TIFF decoder, no types of its own) that lector.ts uses. */
declare module 'utif' {
  interface IFD {
    width: number;
    height: number;
    t256?: number[];
    t257?: number[];
    [tag: string]: unknown;
  }
  const UTIF: {
    decode(buffer: ArrayBuffer): IFD[];
    decodeImage(buffer: ArrayBuffer, ifd: IFD): void;
    toRGBA8(ifd: IFD): Uint8Array;
  };
  export type { IFD };
  export default UTIF;
}
