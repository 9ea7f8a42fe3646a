/**
 * xterm color themes for the light and dark page themes. The dark one is
 * close to the common terminal defaults learners know; the light one keeps
 * the ANSI colors readable on white (yellow and bright colors darkened, as
 * docker's yellow warnings and green progress bars use them).
 */
import type { ITheme } from '@xterm/xterm';

/** Dark terminal colors. */
export const DARK: ITheme = {
  background: '#14161b',
  foreground: '#d8dee9',
  cursor: '#f0f0f0',
  cursorAccent: '#14161b',
  selectionBackground: '#3b4252',
  black: '#1d2027',
  red: '#ef6b73',
  green: '#8cc570',
  yellow: '#e5c07b',
  blue: '#61afef',
  magenta: '#c678dd',
  cyan: '#56b6c2',
  white: '#d8dee9',
  brightBlack: '#5c6370',
  brightRed: '#ff7a85',
  brightGreen: '#a5e075',
  brightYellow: '#f0d58c',
  brightBlue: '#7cc1ff',
  brightMagenta: '#de8ef5',
  brightCyan: '#6fd3df',
  brightWhite: '#ffffff',
};

/** Light terminal colors. */
export const LIGHT: ITheme = {
  background: '#fbfbfa',
  foreground: '#1f2328',
  cursor: '#1f2328',
  cursorAccent: '#fbfbfa',
  selectionBackground: '#b6d7ff',
  black: '#1f2328',
  red: '#c4272f',
  green: '#1d7a33',
  yellow: '#8a6100',
  blue: '#0b5cc8',
  magenta: '#8b3fb0',
  cyan: '#0b7285',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#d6333b',
  brightGreen: '#208a3b',
  brightYellow: '#9a6c00',
  brightBlue: '#1a6fe0',
  brightMagenta: '#9b4fc0',
  brightCyan: '#1b8295',
  brightWhite: '#1f2328',
};
