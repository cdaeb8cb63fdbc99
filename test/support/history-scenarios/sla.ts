import { closeTicket, replyAsStaff, replyReceived, settingsChanged } from '../../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const officeHours = (timeZone: string) => ({
  timeZone,
  windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: 9 * 60, end: 17 * 60 })),
  holidays: ['2030-12-25'],
});

/**
 * A ticket with SLA targets over a working week: opened on a Saturday (outside support hours), answered late
 * (the first-response target is missed), waiting on the member and then on staff, the guild's time zone changed
 * meanwhile, the resolution target missed, then closed. Recorded by workers without SLA clocks, it must replay
 * unchanged; recorded with them, it holds the breaches and the waiting states.
 */
export const slaScenarios: HistoryScenario[] = [
  {
    name: 'sla-clocks-over-a-week',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ fake, open }) => {
          const now = await env.currentTimeMs();
          const saturday = new Date(now);
          saturday.setUTCHours(12, 0, 0, 0);
          while (saturday.getTime() <= now || saturday.getUTCDay() !== 6)
            saturday.setUTCDate(saturday.getUTCDate() + 1);
          await env.sleep(saturday.getTime() - now);
          const { workflowId } = await open();
          const handle = env.client.workflow.getHandle(workflowId);
          await handle.signal(replyReceived, reply('870000000000000001', Date.now()));
          // Monday afternoon: the 2 h first-response target was missed at 11:00.
          await env.sleep(2 * DAY + 3 * HOUR);
          await handle.executeUpdate(replyAsStaff, { args: [{ actor: staffActor, content: 'Looking into it.' }] });
          await env.sleep(DAY);
          fake.settings = {
            ...fake.settings,
            sla: { ...(fake.settings.sla ?? sla), supportHours: officeHours('America/New_York') },
          };
          await handle.signal(settingsChanged);
          await handle.signal(replyReceived, reply('870000000000000002', Date.now()));
          await eventually(() => {
            if (fake.messages.size !== 3) throw new Error('replies not stored yet');
          });
          await env.sleep(2 * DAY);
          await handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor, reason: 'solved' }] });
          await handle.result();
          await save('sla-clocks-over-a-week', workflowId);
        },
        (fake) => {
          fake.settings = { ...fake.settings, inactivityTimeoutMs: 30 * DAY, sla };
        },
      );
    },
  },
];

const sla = {
  supportHours: officeHours('Europe/Berlin'),
  firstResponseMinutes: 120,
  resolutionMinutes: 8 * 60,
  escalationRoleId: '300000000000000042',
};
