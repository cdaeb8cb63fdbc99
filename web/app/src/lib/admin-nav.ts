/** The sections of the operators' pages, in the order of their navigation. */
export const adminSections: { label: string; path: string; end?: boolean }[] = [
  { label: 'Health', path: '/admin', end: true },
];
