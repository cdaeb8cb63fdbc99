import type pg from 'pg';

export interface PanelSeed {
  guilds: number;
  tickets: number;
  /** Thread messages in all, spread evenly over the tickets. */
  messages: number;
  /** Share of all tickets (0 to 1) held by guild 1, the busy one; the rest spread evenly over the others. */
  busyShare: number;
}

/** Guild n's id: Discord-sized (19 digits) so the columns hold what they hold in production. */
export function seededGuildId(n: number): string {
  return (1_000_000_000_000_000_000n + BigInt(n)).toString();
}

/** The staff ids assigned in seeded tickets, and one member of the busy guild who opened some of them. */
export const SEEDED_STAFF_ID = seededUserId(3, 10);
export const SEEDED_CREATOR_ID = seededUserId(2, 7);

function seededUserId(kind: number, n: number): string {
  return (BigInt(kind) * 1_000_000_000_000_000_000n + BigInt(n)).toString();
}

/**
 * Where each ticket n of `source` lives: its guild g, its number there, and its age as a share of two years (0
 * newest, 1 oldest) from its place among its guild's tickets. $1 is the ticket count, $2 the busy guild's share of
 * it, $3 the guild count. Shared by the ticket and message inserts, so a message finds its ticket without a join.
 */
function placementSql(source: string): string {
  return `SELECT n, g, number,
                 1 - number::float8 / CASE WHEN g = 1 THEN $2::int
                                           ELSE ceil(($1::int - $2::int)::float8 / ($3::int - 1)) END AS age
            FROM (SELECT n,
                         CASE WHEN n <= $2::int THEN 1 ELSE 2 + (n - $2::int - 1) % ($3::int - 1) END AS g,
                         CASE WHEN n <= $2::int THEN n ELSE (n - $2::int - 1) / ($3::int - 1) + 1 END AS number
                    FROM ${source}) numbered`;
}

/**
 * Fills an empty, migrated database with generated guilds, tickets and messages, entirely in SQL
 * (generate_series), so no data is kept in git and a million rows take seconds, not an upload. Deterministic in
 * shape (who is in which guild, numbers, times), random in the rest. Ticket n belongs to guild 1 while
 * n <= busyShare * tickets, else to guild 2 + (n - busy - 1) % (guilds - 1); each guild's tickets open in order of
 * number over two years, its most recent 5% mostly still open. Message text is 4 to 15 words from a 5,000-word vocabulary with a
 * Zipf-like skew (a few words very common, most rare), like chat.
 *
 * Runs with session_replication_role = replica (needs a superuser): the rows are consistent by construction, so
 * foreign key checks and the change-feed triggers are skipped, and the message indexes are dropped and built
 * again after the load (much faster than maintaining them row by row).
 */
export async function seedPanelData(client: pg.Client, seed: PanelSeed): Promise<void> {
  if (seed.guilds < 2) throw new Error('seedPanelData needs at least 2 guilds (one busy, the rest sharing)');
  const busy = Math.floor(seed.tickets * seed.busyShare);
  await client.query('SET session_replication_role = replica');
  try {
    await client.query(
      `INSERT INTO guild (id, ticket_channel_id, inactivity_timeout_minutes, inactivity_grace_minutes,
                          reminder_interval_minutes, open_limit_per_member, open_cooldown_seconds, updated_at)
       SELECT (1000000000000000000 + g)::text, (6000000000000000000 + g)::text, 1440, 60, 10080, 3, 0, now()
         FROM generate_series(1, $1::int) g`,
      [seed.guilds],
    );
    await client.query(
      `INSERT INTO ticket (id, guild_id, number, workflow_id, type_key, type_name, creator_id, creator_name,
                           assignee_id, thread_id, status, answers, settings, opened_at, last_activity_at,
                           closed_at, close_reason, closed_by_id, timer_state)
       SELECT md5(n::text)::uuid::text, (1000000000000000000 + g)::text, number, 'seeded-' || n, type_key,
              initcap(type_key), creator_id, 'member-' || right(creator_id, 5),
              CASE WHEN r_assignee < 0.3 THEN NULL ELSE (3000000000000000000 + floor(r_assignee * 20)::bigint)::text END,
              (4000000000000000000 + n)::text, status::ticket_status, '[]'::jsonb, '{}'::jsonb, opened_at,
              last_activity_at,
              CASE WHEN status = 'closed' THEN last_activity_at + interval '1 day' END,
              CASE WHEN status = 'closed'
                   THEN (ARRAY['Resolved', 'Duplicate', 'No response', 'Spam', 'Refund issued'])[1 + floor(r_reason * 5)::int] END,
              CASE WHEN status = 'closed' THEN (3000000000000000000 + floor(r_reason * 20)::bigint)::text END,
              (CASE WHEN r_timer < 0.9 THEN 'running' WHEN r_timer < 0.97 THEN 'paused' ELSE 'disabled' END)::timer_state
         FROM (SELECT n, g, number, r_assignee, r_reason, r_timer,
                      (ARRAY['support', 'billing', 'report', 'appeal'])[1 + floor(r_type * 4)::int] AS type_key,
                      CASE WHEN g = 1 AND r_creator < 0.001 THEN $4::text
                           ELSE (2000000000000000000 + floor(r_creator * 20000)::bigint)::text END AS creator_id,
                      CASE WHEN age < 0.05 THEN (CASE WHEN r_status < 0.6 THEN 'open' ELSE 'closed' END)
                           WHEN r_status < 0.005 THEN 'open' ELSE 'closed' END AS status,
                      opened_at, opened_at + r_activity * interval '3 days' AS last_activity_at
                 FROM (SELECT *, now() - interval '730 days' * age AS opened_at,
                              random() AS r_assignee, random() AS r_reason, random() AS r_timer, random() AS r_type,
                              random() AS r_creator, random() AS r_status, random() AS r_activity
                         FROM (${placementSql('generate_series(1, $1::int) n')}) placed) dated) shaped`,
      [seed.tickets, busy, seed.guilds, SEEDED_CREATOR_ID],
    );
    await client.query(
      `INSERT INTO guild_ticket_counter (guild_id, last_number)
       SELECT guild_id, max(number) FROM ticket GROUP BY guild_id`,
    );
    if (seed.messages > 0) await seedMessages(client, seed);
  } finally {
    await client.query('RESET session_replication_role');
  }
  await client.query('ANALYZE');
}

async function seedMessages(client: pg.Client, seed: PanelSeed): Promise<void> {
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE tablename = 'ticket_message' AND indexname <> 'ticket_message_pkey'`,
  );
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name}"`);
  // Message m belongs to ticket 1 + (m - 1) % tickets, whose id and guild are recomputed the way they were made.
  await client.query(
    `WITH vocabulary AS (
       SELECT array_agg(syllables[1 + i % 20] || syllables[1 + (i / 20) % 20] || syllables[1 + (i / 400) % 20]
                        ORDER BY i) AS words
         FROM generate_series(0, 4999) i,
              (SELECT ARRAY['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa',
                            'do', 'fe', 'gu', 'hi', 'ja', 'ko', 'le', 'mo', 'nu', 'ri'] AS syllables) s)
     INSERT INTO ticket_message (id, guild_id, ticket_id, author_id, author_name, author_is_bot, content,
                                 attachments, created_at)
     SELECT (5000000000000000000 + m)::text,
            (1000000000000000000 + g)::text, md5(n::text)::uuid::text,
            CASE WHEN m % 2 = 0 THEN '2000000000000000000' ELSE '3000000000000000000' END,
            CASE WHEN m % 2 = 0 THEN 'member' ELSE 'staff' END, false,
            array_to_string(ARRAY(SELECT words[floor(5000 ^ random())::int] FROM generate_series(1, 4 + m % 12)), ' '),
            '[]'::jsonb,
            now() - interval '730 days' * age + (m - 1) / $1::int * interval '1 minute'
       FROM vocabulary, generate_series(1, $4::bigint) m,
            LATERAL (${placementSql('(SELECT 1 + ((m - 1) % $1::int)::int AS n) one')}) placed`,
    [seed.tickets, Math.floor(seed.tickets * seed.busyShare), seed.guilds, seed.messages],
  );
  for (const index of indexes.rows) await client.query(index.definition);
}
