// Text for the terminal, whatever the database holds: a name from a restored
// backup or an edited file may carry escape sequences that clear the screen,
// retitle the window, hide text or move the cursor. They are removed from
// every human output; --json escapes them anyway.

/**
 * ESC sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes), then any
 * other C0 control but newline and tab, DEL and the C1 controls.
 */
const CONTROLS = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[\s\S]?|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** The colour codes chalk writes (SGR: ESC [ digits m): kept when the output is coloured. */
const SGR = /^\u001b\[[0-9;]*m$/

/**
 * `text` with terminal control characters removed (newline and tab kept).
 * With `keepColour`, SGR colour codes survive: the renderers' own colours
 * (those sequences only change colour, never the screen or the cursor).
 */
export function safeForTerminal(text: string, keepColour = false): string {
  return text.replace(CONTROLS, (m) => (keepColour && SGR.test(m) ? m : ''))
}
