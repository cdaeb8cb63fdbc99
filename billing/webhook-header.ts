/** One request header as a webhook verifier reads it: Node lower-cases names and may repeat a header (first wins). */
export function webhookHeader(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
