import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * A deep guinda (the maroon of Sonora's state government documents) used sparingly: buttons, the
 * active navigation item, the selected row. Everything else stays neutral gray on white so that a
 * screen used eight hours a day is calm and the semáforo colours are the only loud ones.
 */
export const COLOR_GUINDA: MantineColorsTuple = [
  '#fbf0f3',
  '#f2dde3',
  '#e4b9c6',
  '#d693a7',
  '#c8718b',
  '#b85474',
  '#9c3a5a',
  '#7a1e3a',
  '#661630',
  '#4f0f24',
];

const FUENTE = '"Source Sans 3", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';

export const tema = createTheme({
  primaryColor: 'guinda',
  primaryShade: 7,
  colors: { guinda: COLOR_GUINDA },
  fontFamily: FUENTE,
  fontFamilyMonospace: '"DejaVu Sans Mono", Consolas, "Courier New", monospace',
  headings: { fontFamily: FUENTE, fontWeight: '600' },
  fontSizes: { xs: '12px', sm: '14px', md: '15px', lg: '17px', xl: '20px' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  autoContrast: true,
  components: {
    Tooltip: { defaultProps: { multiline: true, maw: 320 } },
    Notification: { defaultProps: { radius: 'md' } },
    Modal: {
      defaultProps: { radius: 'md', overlayProps: { backgroundOpacity: 0.4 } },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    },
  },
});
