import { ApplicationFailure } from '@temporalio/common';
import type {
  MovedTypeSettings,
  Registration,
  TicketActivities,
  TicketEvent,
  TicketMessage,
  TicketNotice,
  TicketPatch,
  TicketSettings,
} from '../../domain/ticket.ts';
import type { GuildSettingsActivities } from '../../workflows/guild-settings/definitions.ts';

const HOUR = 3_600_000;

export const defaultTestSettings: TicketSettings = {
  typeName: 'Support',
  openingMessage: 'Thanks! Staff will be with you shortly.',
  questions: ['What do you need help with?'],
  staffRoleIds: ['300000000000000001'],
  ticketChannelId: '200000000000000001',
  historiesChannelId: '200000000000000002',
  remindersChannelId: '200000000000000003',
  notificationRoleId: '300000000000000002',
  inactivityTimeoutMs: 72 * HOUR,
  inactivityGraceMs: 24 * HOUR,
  reminderIntervalMs: 7 * 24 * HOUR,
};

interface PostedNotice {
  channelId: string;
  idempotencyKey: string;
  notice: TicketNotice;
}

/**
 * An in-memory stand-in for Discord and Postgres behind the activities interface, for workflow tests.
 * It keeps the same idempotency rules as the real activities (one row per key, one thread per name), so
 * a test can assert that retries and replays never duplicate anything, and it records every call.
 */
export class RecordingTicketActivities {
  settings: TicketSettings = { ...defaultTestSettings };
  refusal: Extract<Registration, { outcome: 'refused' }> | null = null;
  readonly calls: { name: keyof TicketActivities; input: unknown }[] = [];
  readonly notices: PostedNotice[] = [];
  /** The guild's label list and its other ticket types, as loadGuildLabels and loadTicketTypeSettings read them. */
  guildLabels: string[] = [];
  readonly otherTypes = new Map<string, MovedTypeSettings>();
  /** Each thread's name after renames, by thread id. */
  readonly threadNames = new Map<string, string>();
  /** When set, renameThread answers Discord's rate limit with this wait in milliseconds. */
  renameRateLimitMs: number | null = null;
  /** Each edit of the welcome message (its summary), in order. */
  readonly welcomeEdits: Parameters<TicketActivities['editWelcome']>[0][] = [];
  /** Each edit of a welcome message's controls, in order. */
  readonly controlEdits: Parameters<TicketActivities['showTimerControls']>[0][] = [];
  /** Each edit of a close request's message to its outcome, in order. */
  readonly closeRequestEdits: Parameters<TicketActivities['showCloseRequestOutcome']>[0][] = [];
  readonly events = new Map<string, TicketEvent>();
  readonly messages = new Map<string, TicketMessage>();
  /** When stored messages were deleted, by message id; the message itself stays in `messages`. */
  readonly deletedAt = new Map<string, number>();
  readonly threads = new Map<string, { id: string; members: Set<string>; locked: boolean }>();
  readonly rows = new Map<string, { number: number; workflowId: string; guildId: string } & TicketPatch>();
  readonly transcripts: string[] = [];
  /** Channel-mode tickets' channels, by ticket id: the category each went to and its overwrites (id → access). */
  /** The last staff notice of each guild and kind, as claimStaffNotice keeps it in Postgres. */
  readonly staffNotices = new Map<string, { key: string; at: number }>();
  readonly ticketChannels = new Map<
    string,
    { id: string; categoryId: string; name: string; access: Map<string, string>; deleted: boolean }
  >();
  /** Channels each category already holds besides tickets' (Discord allows 50). */
  readonly categoryFill = new Map<string, number>();
  /** Channels Discord answers 404 for, as if deleted by hand. */
  readonly deletedChannels = new Set<string>();
  /** Users Discord refuses to add to threads (the bot lacks the permission to add them). */
  readonly unaddableUsers = new Set<string>();
  /** Activities that fail, with this failure type (non-retryable), until the entry is removed. */
  readonly failing = new Map<keyof TicketActivities, string>();
  /** Activities held at their start until the gate opens (see `hold`). */
  private readonly gates = new Map<keyof TicketActivities, Promise<void>>();
  /** Staff replies posted from outside Discord, by idempotency key. */
  readonly staffReplies = new Map<string, TicketMessage>();
  /** What each transcript render held: the ids of the stored messages at that moment. */
  readonly renders: { key: string; messageIds: string[] }[] = [];
  /** Roles Discord flags as too large to add by mention (about 100 members and more). */
  readonly largeRoles = new Set<string>();
  /** Routing's choice; by default nobody is available. A test gives it the real Postgres activity or its own. */
  chooseAssignee: TicketActivities['routeTicket'] = async () => ({ assigneeId: null });
  /** Direct messages to creators, by idempotency key; `dmsClosed` users refuse them (Discord's 50007). */
  readonly creatorMessages = new Map<string, Parameters<TicketActivities['messageCreator']>[0]>();
  readonly dmsClosed = new Set<string>();
  /** Each edit of a posted notice, in order. */
  readonly noticeEdits: Parameters<TicketActivities['editNotice']>[0][] = [];
  private nextNumber = 1;
  private nextSnowflake = 900000000000000000n;

  /** Holds every call of `name` at its start until the returned function is called. */
  hold(name: keyof TicketActivities): () => void {
    let open = () => {};
    this.gates.set(
      name,
      new Promise<void>((resolve) => {
        open = resolve;
      }),
    );
    return () => {
      this.gates.delete(name);
      open();
    };
  }

  /** Records the call, waits at its gate, and fails as `failing` says; every activity starts here. */
  private async enter(name: keyof TicketActivities, input: unknown): Promise<void> {
    this.calls.push({ name, input });
    await this.gates.get(name);
    const failure = this.failing.get(name);
    if (failure) throw ApplicationFailure.nonRetryable(`${name} refused (${failure})`, failure);
  }

  notice(kind: TicketNotice['kind']): PostedNotice[] {
    return this.notices.filter((n) => n.notice.kind === kind);
  }

  eventKinds(): string[] {
    return [...this.events.values()].map((e) => e.kind);
  }

  private snowflake(): string {
    this.nextSnowflake += 1n;
    return this.nextSnowflake.toString();
  }

  private requireChannel(channelId: string): void {
    if (this.deletedChannels.has(channelId)) {
      throw ApplicationFailure.nonRetryable(`Unknown Channel ${channelId}`, 'DiscordNotFound');
    }
  }

  private row(ticketId: string) {
    const row = this.rows.get(ticketId);
    if (!row) throw ApplicationFailure.nonRetryable(`no ticket ${ticketId}`, 'TicketNotFound');
    return row;
  }

  readonly activities: TicketActivities & GuildSettingsActivities = {
    listOpenTicketWorkflows: async ({ guildId, afterWorkflowId, limit }) =>
      [...this.rows.values()]
        .filter((row) => row.guildId === guildId && row.status !== 'closed')
        .filter((row) => afterWorkflowId === null || row.workflowId > afterWorkflowId)
        .map((row) => row.workflowId)
        .sort()
        .slice(0, limit),
    registerTicket: async (input) => {
      await this.enter('registerTicket', input);
      if (this.refusal) return this.refusal;
      const existing = [...this.rows.entries()].find(([, r]) => r.workflowId === input.workflowId);
      if (existing)
        return { outcome: 'registered', ticketId: existing[0], number: existing[1].number, settings: this.settings };
      const number = this.nextNumber++;
      const ticketId = `ticket-${number}`;
      this.rows.set(ticketId, { number, workflowId: input.workflowId, guildId: input.request.guildId, status: 'open' });
      this.events.set(`${input.workflowId}:opened`, {
        key: `${input.workflowId}:opened`,
        kind: 'opened',
        actorId: input.request.creator.id,
        at: input.openedAt,
      });
      return { outcome: 'registered', ticketId, number, settings: this.settings };
    },
    recordTicketChange: async (input) => {
      await this.enter('recordTicketChange', input);
      const row = this.row(input.ticketId);
      if (input.event && this.events.has(input.event.key)) return;
      Object.assign(row, input.patch);
      if (input.event) this.events.set(input.event.key, input.event);
    },
    storeMessages: async (input) => {
      await this.enter('storeMessages', input);
      const row = this.row(input.ticketId);
      for (const message of input.messages) {
        if (!this.messages.has(message.id)) {
          this.events.set(`replied:${message.id}`, {
            key: `replied:${message.id}`,
            kind: 'replied',
            actorId: message.authorId,
            at: message.createdAt,
          });
        }
        const held = this.messages.get(message.id);
        const version = (m: TicketMessage) => m.editedAt ?? m.createdAt;
        if (!held || version(message) >= version(held)) this.messages.set(message.id, message);
        if (!message.authorIsBot) row.lastActivityAt = Math.max(row.lastActivityAt ?? 0, version(message));
      }
      for (const { messageId, deletedAt } of input.deletions ?? []) {
        if (this.messages.has(messageId) && !this.deletedAt.has(messageId)) this.deletedAt.set(messageId, deletedAt);
      }
    },
    createTicketThread: async (input) => {
      await this.enter('createTicketThread', input);
      this.requireChannel(input.channelId);
      const existing = this.threads.get(input.name);
      if (existing) return { threadId: existing.id };
      const thread = { id: this.snowflake(), members: new Set<string>(), locked: false };
      this.threads.set(input.name, thread);
      return { threadId: thread.id };
    },
    addThreadMembers: async (input) => {
      await this.enter('addThreadMembers', input);
      this.requireChannel(input.threadId);
      if (input.userIds.some((id) => this.unaddableUsers.has(id))) {
        throw ApplicationFailure.nonRetryable('Missing Permissions', 'DiscordForbidden');
      }
      const thread = [...this.threads.values()].find((t) => t.id === input.threadId);
      for (const id of input.userIds) thread?.members.add(id);
    },
    addStaffToThread: async (input) => {
      await this.enter('addStaffToThread', input);
      const thread = [...this.threads.values()].find((t) => t.id === input.threadId);
      const staffMember = '400000000000000001';
      thread?.members.add(staffMember);
      return { someRolesNotAdded: false };
    },
    removeThreadMember: async (input) => {
      await this.enter('removeThreadMember', input);
      this.requireChannel(input.threadId);
      const thread = [...this.threads.values()].find((t) => t.id === input.threadId);
      thread?.members.delete(input.userId);
    },
    addRoleToThread: async (input) => {
      await this.enter('addRoleToThread', input);
      this.requireChannel(input.threadId);
      if (!this.notices.some((n) => n.idempotencyKey === input.idempotencyKey)) {
        this.notices.push({ channelId: input.threadId, idempotencyKey: input.idempotencyKey, notice: input.notice });
      }
      return { someMembersNotAdded: this.largeRoles.has(input.notice.roleId) };
    },
    routeTicket: async (input) => {
      await this.enter('routeTicket', input);
      const chosen = await this.chooseAssignee(input);
      if (chosen.assigneeId !== null) Object.assign(this.row(input.ticketId), { assigneeId: chosen.assigneeId });
      return chosen;
    },
    loadFollowedSettings: async (input) => {
      await this.enter('loadFollowedSettings', input);
      // The guild's support hours live beside its other settings; a ticket captured them in its SLA settings.
      return this.settings.sla ? { ...this.settings, supportHours: this.settings.sla.supportHours } : this.settings;
    },
    postNotice: async (input) => {
      await this.enter('postNotice', input);
      this.requireChannel(input.channelId);
      const posted = this.notices.find((n) => n.idempotencyKey === input.idempotencyKey);
      if (posted) return { messageId: posted.idempotencyKey };
      this.notices.push(input);
      return { messageId: input.idempotencyKey };
    },
    postStaffReply: async (input) => {
      await this.enter('postStaffReply', input);
      this.requireChannel(input.threadId);
      const posted = this.staffReplies.get(input.idempotencyKey);
      if (posted) return posted;
      const message = {
        id: this.snowflake(),
        authorId: input.staff.id,
        authorName: input.staff.name,
        authorIsBot: false,
        content: input.content,
        attachments: [],
        createdAt: Date.now(),
        editedAt: null,
      };
      this.staffReplies.set(input.idempotencyKey, message);
      return message;
    },
    showTimerControls: async (input) => {
      await this.enter('showTimerControls', input);
      this.requireChannel(input.threadId);
      this.controlEdits.push(input);
    },
    loadGuildLabels: async (input) => {
      await this.enter('loadGuildLabels', input);
      return [...this.guildLabels];
    },
    loadTicketTypeSettings: async (input) => {
      await this.enter('loadTicketTypeSettings', input);
      return this.otherTypes.get(input.typeKey) ?? null;
    },
    renameThread: async (input) => {
      await this.enter('renameThread', input);
      this.requireChannel(input.threadId);
      if (this.renameRateLimitMs !== null) {
        throw ApplicationFailure.create({
          type: 'DiscordRateLimited',
          message: `Discord rate limit on PATCH /channels/:id: retry in ${this.renameRateLimitMs} ms`,
          details: [{ retryAfterMs: this.renameRateLimitMs }],
        });
      }
      this.threadNames.set(input.threadId, input.name);
    },
    editWelcome: async (input) => {
      await this.enter('editWelcome', input);
      this.requireChannel(input.threadId);
      this.welcomeEdits.push(input);
    },
    showCloseRequestOutcome: async (input) => {
      await this.enter('showCloseRequestOutcome', input);
      this.requireChannel(input.threadId);
      this.closeRequestEdits.push(input);
    },
    lockThread: async (input) => {
      await this.enter('lockThread', input);
      this.requireChannel(input.threadId);
      const thread = [...this.threads.values()].find((t) => t.id === input.threadId);
      if (thread) thread.locked = true;
    },
    createTicketChannel: async (input) => {
      await this.enter('createTicketChannel', input);
      const existing = this.ticketChannels.get(input.ticketId);
      if (existing) return { outcome: 'created', channelId: existing.id };
      const held = (categoryId: string) =>
        (this.categoryFill.get(categoryId) ?? 0) +
        [...this.ticketChannels.values()].filter((c) => c.categoryId === categoryId && !c.deleted).length;
      const categoryId = input.categoryIds.find((id) => held(id) < 50);
      if (!categoryId) return { outcome: 'categories_full', categoryCount: input.categoryIds.length };
      const access = new Map<string, string>([[input.creatorId, 'write']]);
      for (const roleId of input.staffRoleIds) access.set(roleId, 'write');
      const channel = { id: this.snowflake(), categoryId, name: input.name, access, deleted: false };
      this.ticketChannels.set(input.ticketId, channel);
      return { outcome: 'created', channelId: channel.id };
    },
    setTicketChannelAccess: async (input) => {
      await this.enter('setTicketChannelAccess', input);
      this.requireChannel(input.channelId);
      const channel = [...this.ticketChannels.values()].find((c) => c.id === input.channelId && !c.deleted);
      for (const { id, access } of input.access) {
        if (access === 'none') channel?.access.delete(id);
        else channel?.access.set(id, access);
      }
    },
    claimStaffNotice: async (input) => {
      await this.enter('claimStaffNotice', input);
      const held = this.staffNotices.get(`${input.guildId}:${input.kind}`);
      if (held && held.key !== input.key && input.at - held.at < input.everyMs) return { claimed: false };
      this.staffNotices.set(`${input.guildId}:${input.kind}`, { key: input.key, at: input.at });
      return { claimed: true };
    },
    followTicketChannelStaff: async (input) => {
      await this.enter('followTicketChannelStaff', input);
      this.requireChannel(input.channelId);
      const channel = [...this.ticketChannels.values()].find((c) => c.id === input.channelId && !c.deleted);
      let changed = 0;
      for (const roleId of input.staffRoleIds) {
        if (channel?.access.get(roleId) === 'write') continue;
        channel?.access.set(roleId, 'write');
        changed += 1;
      }
      for (const roleId of input.removedRoleIds) {
        if (!input.staffRoleIds.includes(roleId) && channel?.access.delete(roleId)) changed += 1;
      }
      return { changed };
    },
    deleteTicketChannel: async (input) => {
      await this.enter('deleteTicketChannel', input);
      const channel = [...this.ticketChannels.values()].find((c) => c.id === input.channelId);
      if (channel) channel.deleted = true;
    },
    unlockThread: async (input) => {
      await this.enter('unlockThread', input);
      this.requireChannel(input.threadId);
      const thread = [...this.threads.values()].find((t) => t.id === input.threadId);
      if (thread) thread.locked = false;
    },
    postInClosedThread: async (input) => {
      await this.enter('postInClosedThread', input);
      this.requireChannel(input.threadId);
      const posted = this.notices.find((n) => n.idempotencyKey === input.idempotencyKey);
      if (!posted) this.notices.push({ channelId: input.threadId, ...input });
      return { messageId: input.idempotencyKey };
    },
    editNotice: async (input) => {
      await this.enter('editNotice', input);
      this.requireChannel(input.channelId);
      this.noticeEdits.push(input);
    },
    messageCreator: async (input) => {
      await this.enter('messageCreator', input);
      if (this.dmsClosed.has(input.userId)) return { outcome: 'dms_closed' };
      this.creatorMessages.set(input.idempotencyKey, input);
      return { outcome: 'sent', channelId: `dm-${input.userId}`, messageId: input.idempotencyKey };
    },
    renderTranscript: async (input) => {
      await this.enter('renderTranscript', input);
      const key = `${input.guildId}/${String(input.number).padStart(4, '0')}`;
      if (!this.transcripts.includes(key)) this.transcripts.push(key);
      const messageCount = [...this.messages.values()].length;
      this.renders.push({ key, messageIds: [...this.messages.keys()] });
      return { key, bytes: 1000 + messageCount * 300, messageCount };
    },
  };
}
