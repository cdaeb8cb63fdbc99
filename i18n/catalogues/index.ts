import { channelMode } from './channel-mode/index.ts';
import { closeRequest } from './close-request/index.ts';
import { commands } from './commands/index.ts';
import { common } from './common/index.ts';
import { config } from './config/index.ts';
import { diagnostics } from './diagnostics/index.ts';
import { notices } from './notices/index.ts';
import { panelMessage } from './panel-message/index.ts';
import { people } from './people/index.ts';
import { rating } from './rating/index.ts';
import { refusals } from './refusals/index.ts';
import { reopen } from './reopen/index.ts';
import { replies } from './replies/index.ts';
import { sla } from './sla/index.ts';
import { staffNotices } from './staff-notices/index.ts';
import { ticketMetadata } from './ticket-metadata/index.ts';

/**
 * Every namespace of messages. A feature keeps its words in its own namespace folder (one JSON file per language)
 * and adds it here.
 */
export const namespaces = {
  common,
  sla,
  'ticket-metadata': ticketMetadata,
  'channel-mode': channelMode,
  people,
  commands,
  config,
  'close-request': closeRequest,
  notices,
  refusals,
  replies,
  'panel-message': panelMessage,
  reopen,
  rating,
  'staff-notices': staffNotices,
  diagnostics,
};
