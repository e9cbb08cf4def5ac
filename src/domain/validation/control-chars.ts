/**
 * C0 control characters except tab, line feed and carriage return, plus DEL. PostgreSQL refuses NUL in
 * text (a 500 before), and none of them belongs in a name, a note or a CSV cell. Pure, so that the request
 * schemas using it can judge a form in the web app too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Index of the first control character, or -1. */
export function findControlChar(s: string): number {
  const m = CONTROL.exec(s);
  return m ? m.index : -1;
}

export const CONTROL_CHAR_MESSAGE = 'enthält ein unzulässiges Steuerzeichen';
