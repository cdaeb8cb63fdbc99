/** The sections of the operators' pages, in the order of their navigation. */
export const adminSections: { label: string; path: string; end?: boolean }[] = [
  { label: 'Health', path: '/admin', end: true },
  { label: 'Servers', path: '/admin/guilds' },
  { label: 'Subscriptions', path: '/admin/subscriptions' },
  { label: 'Entitlements', path: '/admin/entitlements' },
  { label: 'Revenue', path: '/admin/revenue' },
];
