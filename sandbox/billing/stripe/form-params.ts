/**
 * Stripe's request encoding: form fields whose names nest with brackets, `metadata[guildId]=1`,
 * `line_items[0][price]=price_1`, `expand[]=latest_invoice`, read into the object they stand for.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

function path(name: string): string[] {
  const first = name.indexOf('[');
  if (first <= 0) return [name];
  const segments = [name.slice(0, first)];
  for (const match of name.slice(first).matchAll(/\[([^\]]*)\]/g)) segments.push(match[1] ?? '');
  return segments;
}

/** Objects whose keys are all indices (`[0]`, `[1]`, or `[]` appended in order) become arrays. */
function withArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key) => [key, withArrays(value[key] as FormValue)] as const);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
  }
  return Object.fromEntries(entries);
}

export function parseStripeForm(text: string): FormObject {
  const root: FormObject = {};
  const appended = new Map<object, number>();
  for (const [name, value] of new URLSearchParams(text)) {
    const segments = path(name);
    let node: FormObject = root;
    segments.forEach((segment, index) => {
      let key = segment;
      if (key === '') {
        key = String(appended.get(node) ?? 0);
        appended.set(node, Number(key) + 1);
      }
      if (index === segments.length - 1) {
        node[key] = value;
        return;
      }
      const next = node[key];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
      node = node[key] as FormObject;
    });
  }
  return withArrays(root) as FormObject;
}
