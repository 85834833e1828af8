// Fills `{name}` placeholders of a UI message, the same convention as the error-code table's messages.

/** The template with each `{name}` replaced by vars[name]; unknown placeholders stay as written. */
export function formatMessage(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
