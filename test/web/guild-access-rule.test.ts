import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { grants, guildAccess } from '../../domain/guild-access.ts';
import { localPath } from '../../web/server/http/local-path.ts';

const STAFF_ROLE = '222222222222222222';

describe('the guild access rule', () => {
  it('makes the owner, Administrator and Manage Server admins whatever their roles', () => {
    expect(guildAccess({ owner: true, permissions: 0n, roleIds: null }, [])).toBe('admin');
    expect(guildAccess({ owner: false, permissions: PermissionFlagsBits.Administrator, roleIds: null }, [])).toBe(
      'admin',
    );
    expect(guildAccess({ owner: false, permissions: PermissionFlagsBits.ManageGuild, roleIds: [] }, [STAFF_ROLE])).toBe(
      'admin',
    );
  });

  it('makes a holder of a configured staff role staff, and anyone else a member', () => {
    const plain = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
    expect(guildAccess({ owner: false, permissions: plain, roleIds: [STAFF_ROLE] }, [STAFF_ROLE])).toBe('staff');
    expect(guildAccess({ owner: false, permissions: plain, roleIds: ['333333333333333333'] }, [STAFF_ROLE])).toBe(
      'member',
    );
    expect(guildAccess({ owner: false, permissions: plain, roleIds: null }, [])).toBe('member');
  });

  it('orders member < staff < admin', () => {
    expect(grants('admin', 'staff')).toBe(true);
    expect(grants('staff', 'member')).toBe(true);
    expect(grants('staff', 'admin')).toBe(false);
    expect(grants('member', 'staff')).toBe(false);
  });
});

describe('the path a sign-in returns to', () => {
  it.each([
    ['/guilds/1?tab=open#x', '/guilds/1?tab=open#x'],
    ['/', '/'],
    ['//evil.com', '/guilds'],
    ['/\\evil.com', '/guilds'],
    ['/%5Cevil.com', '/%5Cevil.com'],
    ['https://evil.example/', '/guilds'],
    ['/\nevil', '/guilds'],
    ['relative', '/guilds'],
    ['', '/guilds'],
  ])('%j → %j', (given, expected) => {
    expect(localPath(given, '/guilds')).toBe(expected);
  });
});
