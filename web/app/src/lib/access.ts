import type { Access } from './api.ts';

export const accessLabels: Record<Access, string> = { admin: 'Admin', staff: 'Staff', member: 'Member' };

export const accessExplanations: Record<Access, string> = {
  admin: 'You can act on every ticket and change this server’s ticket settings.',
  staff: 'You can see and act on every ticket and read transcripts.',
  member: 'You can see your own tickets and their transcripts.',
};

const rank: Record<Access, number> = { member: 0, staff: 1, admin: 2 };

/** Whether access `held` includes everything `needed` allows. */
export function hasAccess(held: Access, needed: Access): boolean {
  return rank[held] >= rank[needed];
}
