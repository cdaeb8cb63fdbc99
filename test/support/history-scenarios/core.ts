import { announceGuildSettingsChanged } from '../../../temporal/guild-settings-client.ts';
import { guildSettingsWorkflowId } from '../../../workflows/guild-settings/definitions.ts';
import {
  addMember,
  assignTicket,
  closeTicket,
  messageDeleted,
  messageEdited,
  pauseTimer,
  replyReceived,
  resumeTimer,
  settingsChanged,
} from '../../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, guildId, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The ticket lives recorded since the first release: staff actions, message changes, races, problems, settings. */
export const coreScenarios: HistoryScenario[] = [
  {
    name: 'auto-closed-after-staff-actions',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await handle.signal(replyReceived, reply('800000000000000001', Date.now()));
        await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] });
        await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: '500000000000000042' }] });
        await handle.executeUpdate(pauseTimer, { args: [{ actor: staffActor }] });
        await env.sleep(200 * HOUR);
        await handle.executeUpdate(resumeTimer, { args: [{ actor: staffActor }] });
        await handle.signal(replyReceived, reply('800000000000000002', Date.now(), staffActor));
        await eventually(() => {
          if (fake.messages.size !== 2) throw new Error('replies not stored yet');
        });
        await env.sleep(100 * HOUR);
        await handle.result();
        await save('auto-closed-after-staff-actions', workflowId);
      });
    },
  },
  {
    name: 'edited-and-deleted-then-auto-closed',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        const first = reply('830000000000000001', Date.now());
        const removed = reply('830000000000000002', Date.now(), staffActor);
        const missed = reply('830000000000000003', Date.now());
        await handle.signal(replyReceived, first);
        await handle.signal(replyReceived, removed);
        await env.sleep(70 * HOUR);
        await handle.signal(messageEdited, { ...first, content: 'edited', editedAt: Date.now() });
        await handle.signal(messageDeleted, { messageId: removed.id, deletedAt: Date.now() });
        await handle.signal(messageEdited, { ...missed, content: 'sent while the bot was down', editedAt: Date.now() });
        await eventually(() => {
          if (fake.messages.size !== 3 || fake.deletedAt.size !== 1) throw new Error('changes not stored yet');
        });
        await env.sleep(100 * HOUR);
        await handle.result();
        await save('edited-and-deleted-then-auto-closed', workflowId);
      });
    },
  },
  {
    name: 'closed-twice-at-once',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await Promise.all([
          handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor, reason: 'solved' }] }),
          handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] }),
        ]);
        await handle.result();
        await save('closed-twice-at-once', workflowId);
      });
    },
  },
  {
    name: 'refused-over-limit',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ open }) => {
          const { workflowId } = await open();
          await env.client.workflow.getHandle(workflowId).result();
          await save('refused-over-limit', workflowId);
        },
        (fake) => {
          fake.refusal = {
            outcome: 'refused',
            code: 'type_limit',
            message: 'You already have an open Support ticket.',
          };
        },
      );
    },
  },
  {
    name: 'continued-as-new-first-run',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ open }) => {
        const { workflowId } = await open(undefined, undefined, { continueAsNewAfterEvents: 40 });
        const handle = env.client.workflow.getHandle(workflowId);
        const firstRunId = (await handle.describe()).runId;
        for (let i = 0; i < 40; i += 1) {
          await handle.signal(replyReceived, reply(`81000000000000${String(i).padStart(4, '0')}`, Date.now()));
        }
        await eventually(async () => {
          if ((await handle.describe()).runId === firstRunId) throw new Error('not continued as new yet');
        });
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'done' }] });
        await handle.result();
        await save('continued-as-new-first-run', workflowId, firstRunId);
        await save('continued-as-new-last-run', workflowId);
      });
    },
  },
  {
    name: 'close-held-up-by-a-permission',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await eventually(() => {
          if (fake.notice('welcome').length !== 1) throw new Error('not welcomed yet');
        });
        fake.failing.set('lockThread', 'DiscordForbidden');
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
        await handle.signal(replyReceived, reply('840000000000000001', Date.now()));
        await env.sleep(3 * MINUTE);
        fake.failing.delete('lockThread');
        await handle.signal(settingsChanged);
        await handle.result();
        await save('close-held-up-by-a-permission', workflowId);
      });
    },
  },
  {
    name: 'settings-changed-then-auto-closed',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open, taskQueue }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await eventually(() => {
          if (fake.notice('welcome').length !== 1) throw new Error('not welcomed yet');
        });
        fake.settings = { ...fake.settings, inactivityTimeoutMs: 10 * HOUR, staffRoleIds: ['300000000000000077'] };
        await announceGuildSettingsChanged(env.client, { guildId, taskQueue });
        await env.client.workflow.getHandle(guildSettingsWorkflowId(guildId)).result();
        await env.sleep(40 * HOUR);
        await handle.result();
        await save('settings-changed-then-auto-closed', workflowId);
        await save('guild-settings-fan-out', guildSettingsWorkflowId(guildId));
      });
    },
  },
  {
    name: 'replies-while-closing',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        const release = fake.hold('renderTranscript');
        const closing = handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor }] });
        await eventually(() => {
          if (!fake.calls.some((call) => call.name === 'renderTranscript')) throw new Error('not rendering yet');
        });
        for (let i = 0; i < 5; i += 1) {
          await handle.signal(replyReceived, reply(`85000000000000000${i}`, Date.now()));
        }
        release();
        await closing;
        await handle.result();
        await save('replies-while-closing', workflowId);
      });
    },
  },
];
