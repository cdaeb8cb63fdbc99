import { closeTicket, getTicketState, settingsChanged } from '../../../workflows/ticket/definitions.ts';
import { eventually, staffActor, withTicketWorker } from '../ticket-harness.ts';
import { channelMode } from './channel-mode.ts';
import type { HistoryScenario } from './history-scenario.ts';

/** The guild's staff roles after the change: the first staff role removed, another added. */
const NEW_STAFF_ROLE = '220000000000000009';

/** A channel-mode ticket whose guild changes its staff roles while it is open (patch channel-staff-follow). */
export const channelStaffScenarios: HistoryScenario[] = [
  {
    name: 'channel-staff-roles-changed-while-open',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ fake, open }) => {
          const { workflowId } = await open();
          const handle = env.client.workflow.getHandle(workflowId);
          fake.settings = { ...fake.settings, staffRoleIds: [NEW_STAFF_ROLE] };
          await handle.signal(settingsChanged);
          await eventually(async () => {
            const ticket = await handle.query(getTicketState);
            if (ticket.settings?.staffRoleIds[0] !== NEW_STAFF_ROLE) throw new Error('settings not followed yet');
          });
          await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
          await handle.result();
          await save('channel-staff-roles-changed-while-open', workflowId);
        },
        channelMode(0),
      );
    },
  },
];
