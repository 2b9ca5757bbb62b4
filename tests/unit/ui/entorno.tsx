/**
 * Shared set-up for the renderer component tests (jsdom): the browser APIs jsdom lacks, a fake
 * layout size for the virtualized table, cleanup between tests, and a render wrapped in the app's
 * providers (theme, dates in es-MX, modals, notifications).
 */
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { cleanup, render, type RenderOptions } from '@testing-library/react';
import 'dayjs/locale/es-mx';
import type { ReactElement, ReactNode } from 'react';
import { afterEach } from 'vitest';
import { tema } from '../../../renderer/src/ui/tema';

export const ALTO_VISIBLE = 600;
export const ANCHO_VISIBLE = 1200;

function instalarPolyfills() {
  if (typeof window === 'undefined') return;
  if (!window.matchMedia) {
    window.matchMedia = ((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    })) as unknown as typeof window.matchMedia;
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverFalso {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverFalso;
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverFalso;
  }
  if (!Element.prototype.scrollTo) {
    Element.prototype.scrollTo = function scrollTo(this: Element, opciones?: ScrollToOptions | number, y?: number) {
      const top = typeof opciones === 'number' ? y : opciones?.top;
      if (typeof top === 'number') (this as HTMLElement).scrollTop = top;
      this.dispatchEvent(new Event('scroll'));
    } as typeof Element.prototype.scrollTo;
  }
  if (!(document as { fonts?: unknown }).fonts) {
    // Mantine's autosize Textarea listens to font loading.
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener() {}, removeEventListener() {}, add() {}, ready: Promise.resolve() },
    });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
  // jsdom has no layout: give every element a viewport-like size so the virtualizer renders a window.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => ALTO_VISIBLE });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => ANCHO_VISIBLE });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => ALTO_VISIBLE });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => ANCHO_VISIBLE });
  // …and a box, so that floating elements (popovers, menus) do not consider their target hidden.
  Element.prototype.getBoundingClientRect = function getBoundingClientRect() {
    return { x: 0, y: 0, top: 0, left: 0, right: 100, bottom: 30, width: 100, height: 30, toJSON: () => ({}) } as DOMRect;
  };
  window.HTMLElement.prototype.hasPointerCapture ??= () => false;
}

instalarPolyfills();

afterEach(() => {
  cleanup();
  localStorage.clear();
});

export function Proveedores({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={tema} forceColorScheme="light">
      <DatesProvider settings={{ locale: 'es-mx', firstDayOfWeek: 1 }}>
        <ModalsProvider>
          <Notifications />
          {children}
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

export function renderizar(ui: ReactElement, opciones?: Omit<RenderOptions, 'wrapper'>) {
  return render(ui, { wrapper: Proveedores, ...opciones });
}
