/**
 * What is wrong with a backup file that is not JSON, from JSON.parse's error, in words for its owner: empty, not
 * JSON at all, cut off (an interrupted download or copy), or where the first fault sits as a line and column — not
 * V8's character position, nor its echo of the file's first characters.
 */
export function describeJsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const start = text.trimStart();
  if (start === '') return 'the file is empty';
  if (!start.startsWith('{')) return 'it does not begin with "{" as a backup does (is it a backup file?)';
  const at = /\s*in JSON at position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : undefined;
  if (
    /Unexpected end of JSON input/.test(message) ||
    (position !== undefined && position >= text.trimEnd().length)
  )
    return 'the file ends before the backup does: it was cut off (an interrupted download or copy?)';
  if (!at) return `not valid JSON (${/^Unexpected token '[^']*'/.exec(message)?.[0] ?? message})`;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = (position as number) - before.lastIndexOf('\n');
  const fault = message.slice(0, at.index);
  return `not valid JSON at line ${line}, column ${column}: ${fault.charAt(0).toLowerCase()}${fault.slice(1)}`;
}
