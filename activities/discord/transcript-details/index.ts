/** What Discord knows of a ticket at close, for its transcript: names, roles, avatars and the thread's history. */
export { fetchGuildDirectory, fetchMemberProfiles, type GuildDirectory, MEMBER_LOOKUP_CAP } from './guild-directory.ts';
export { userAvatarUrl, userDisplayName } from './member-profile.ts';
export { fetchThreadHistory, THREAD_HISTORY_CAP, type ThreadHistory } from './thread-history.ts';
