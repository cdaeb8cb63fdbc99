/** `#rrggbb` from a colour the schema has checked to be an integer in 0..0xFFFFFF, so it is safe in CSS. */
export function hexColour(value: number): string {
  return `#${value.toString(16).padStart(6, '0')}`;
}
