// Lines of a text by offset, for the requests that look at the line around the cursor.

/**
 * Where the line holding `offset` starts. (`lastIndexOf('\n', -1)` searches from 0, so a text
 * starting with a line break would otherwise put the first line's start after it.)
 */
export const lineStart = (text: string, offset: number): number =>
  offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;

/** Where the line holding `offset` ends (before its line break). */
export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}
