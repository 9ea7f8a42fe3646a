/**
 * What a Run button does: on a phone, where one region shows at a time, the
 * terminal's tab comes forward first (the learner must see the command
 * typed); then the lines are typed into the terminal (lib/terminal-input.ts).
 */
import { tick } from 'svelte';
import { layout } from './media.svelte.ts';
import { typeIntoTerminal } from './terminal-input.ts';

/** Types `lines` into the terminal, showing it (and giving it the focus the hidden button had) first on a phone. */
export async function runInTerminal(lines: readonly string[]): Promise<void> {
  const phone = layout.phone;
  if (phone && layout.region !== 'terminal') {
    layout.region = 'terminal';
    await tick();
  }
  await typeIntoTerminal(lines, { focus: phone });
}

/** Copies text to the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
