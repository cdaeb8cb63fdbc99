import type { REST } from '@discordjs/rest';
import type { TicketActivities } from '../../domain/ticket.ts';
import { addRoleToThread } from './add-role-to-thread.ts';
import { addStaffToThread } from './add-staff-to-thread.ts';
import { addThreadMembers } from './add-thread-members.ts';
import { createTicketThread } from './create-ticket-thread.ts';
import { editNotice } from './edit-notice.ts';
import { editWelcome } from './edit-welcome.ts';
import { lockThread } from './lock-thread.ts';
import { messageCreator } from './message-creator.ts';
import type { NoticeSettings } from './notices/format.ts';
import { postInClosedThread } from './post-in-closed-thread.ts';
import { postNotice } from './post-notice.ts';
import { postStaffReply } from './post-staff-reply.ts';
import { removeThreadMember } from './remove-thread-member.ts';
import { renameThread } from './rename-thread.ts';
import { showCloseRequestOutcome } from './show-close-request-outcome.ts';
import { showTimerControls } from './show-timer-controls.ts';
import { botUserId } from './ticket-channel/bot-user.ts';
import { createTicketChannel } from './ticket-channel/create-ticket-channel.ts';
import { deleteTicketChannel } from './ticket-channel/delete-ticket-channel.ts';
import { followTicketChannelStaff } from './ticket-channel/follow-ticket-channel-staff.ts';
import { setTicketChannelAccess } from './ticket-channel/set-ticket-channel-access.ts';
import { unlockThread } from './unlock-thread.ts';

export { DiscordFailure } from './failures.ts';
export type { NoticeSettings } from './notices/format.ts';
export { createDiscordRest, type DiscordRestOptions } from './rest-client.ts';

export type DiscordActivities = Pick<
  TicketActivities,
  | 'createTicketThread'
  | 'addThreadMembers'
  | 'addStaffToThread'
  | 'postNotice'
  | 'lockThread'
  | 'postStaffReply'
  | 'showTimerControls'
  | 'createTicketChannel'
  | 'setTicketChannelAccess'
  | 'followTicketChannelStaff'
  | 'deleteTicketChannel'
  | 'unlockThread'
  | 'renameThread'
  | 'editWelcome'
  | 'removeThreadMember'
  | 'addRoleToThread'
  | 'showCloseRequestOutcome'
  | 'postInClosedThread'
  | 'editNotice'
  | 'messageCreator'
>;

/** The ticket workflow's Discord side effects, all through one REST client (see createDiscordRest). */
export function createDiscordActivities(rest: REST, notices: NoticeSettings = {}): DiscordActivities {
  return {
    createTicketThread: createTicketThread(rest),
    addThreadMembers: addThreadMembers(rest),
    addStaffToThread: addStaffToThread(rest),
    postNotice: postNotice(rest, notices),
    lockThread: lockThread(rest),
    postStaffReply: postStaffReply(rest),
    showTimerControls: showTimerControls(rest),
    createTicketChannel: createTicketChannel(rest, botUserId(rest)),
    setTicketChannelAccess: setTicketChannelAccess(rest),
    followTicketChannelStaff: followTicketChannelStaff(rest),
    deleteTicketChannel: deleteTicketChannel(rest),
    unlockThread: unlockThread(rest),
    renameThread: renameThread(rest),
    editWelcome: editWelcome(rest),
    removeThreadMember: removeThreadMember(rest),
    addRoleToThread: addRoleToThread(rest),
    showCloseRequestOutcome: showCloseRequestOutcome(rest),
    postInClosedThread: postInClosedThread(rest, notices),
    editNotice: editNotice(rest, notices),
    messageCreator: messageCreator(rest, notices),
  };
}
