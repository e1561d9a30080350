/**
 * Text a spreadsheet would take for a formula when it is typed, pasted or opened from CSV: it
 * starts with =, +, - or @ (and, for the same reason, a tab or carriage return before one).
 * Exports neutralise such text so that a notification's title cannot run in an analyst's Excel.
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * The text as a CSV cell may carry it safely: formula-like text gets a leading apostrophe, which
 * Excel and LibreOffice show as text and do not evaluate.
 */
export function neutraliseForCsv(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
