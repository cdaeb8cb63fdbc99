const CDN = 'https://cdn.discordapp.com';

/** A guild's icon on Discord's CDN; null when it has none. */
export function guildIconUrl(guildId: string, icon: string | null): string | null {
  return icon ? `${CDN}/icons/${guildId}/${icon}.${icon.startsWith('a_') ? 'gif' : 'png'}` : null;
}

/** A user's avatar on Discord's CDN; null for Discord's default avatar. */
export function userAvatarUrl(userId: string, avatar: string | null): string | null {
  return avatar ? `${CDN}/avatars/${userId}/${avatar}.${avatar.startsWith('a_') ? 'gif' : 'png'}` : null;
}
