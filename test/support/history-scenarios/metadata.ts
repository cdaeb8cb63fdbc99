import { closeTicket, replyReceived } from '../../../workflows/ticket/definitions.ts';
import { changeLabels, moveTicket, renameTicket, setPriority } from '../../../workflows/ticket/metadata-definitions.ts';
import { eventually, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const HOUR = 3_600_000;

/** Priority, labels, rename and move (workflows/ticket/metadata.ts), refusals among them, then a close by staff. */
export const metadataScenarios: HistoryScenario[] = [
  {
    name: 'metadata-priority-labels-rename-move',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ fake, open }) => {
          const { workflowId } = await open();
          const handle = env.client.workflow.getHandle(workflowId);
          await eventually(() => {
            if (fake.notice('welcome').length !== 1) throw new Error('not welcomed yet');
          });
          await handle.executeUpdate(setPriority, { args: [{ actor: staffActor, priority: 'high' }] });
          await handle.executeUpdate(changeLabels, {
            args: [{ actor: staffActor, add: ['billing', 'bug'], remove: [] }],
          });
          // Refused in the handler: the label is not on the guild's list.
          await handle
            .executeUpdate(changeLabels, { args: [{ actor: staffActor, add: ['vip'], remove: [] }] })
            .catch(() => undefined);
          await handle.signal(replyReceived, reply('860000000000000001', Date.now()));
          await env.sleep(2 * HOUR);
          await handle.executeUpdate(renameTicket, {
            args: [{ actor: staffActor, name: 'Invoice 2231 charged twice' }],
          });
          await handle.executeUpdate(moveTicket, { args: [{ actor: staffActor, typeKey: 'billing' }] });
          await handle.executeUpdate(changeLabels, { args: [{ actor: staffActor, add: [], remove: ['bug'] }] });
          await handle.executeUpdate(setPriority, { args: [{ actor: staffActor, priority: 'urgent' }] });
          await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'refunded' }] });
          await handle.result();
          await save('metadata-priority-labels-rename-move', workflowId);
        },
        (fake) => {
          fake.guildLabels = ['billing', 'bug', 'refund'];
          fake.otherTypes.set('billing', {
            typeName: 'Billing',
            openingMessage: 'Tell us about the invoice.',
            questions: ['Invoice number?'],
            staffRoleIds: ['300000000000000001', '300000000000000009'],
          });
        },
      );
    },
  },
];
