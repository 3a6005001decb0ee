/** Text cut to at most `max` characters, an ellipsis marking the cut: for messages that must stay one readable line. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`
}
