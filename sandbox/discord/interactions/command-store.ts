import type { APIApplicationCommand, RESTPostAPIApplicationGuildCommandsJSONBody } from 'discord-api-types/v10';
import type { StoreContext } from '../state/store-context.ts';

/**
 * Guild application commands, per guild and application, in registration order. A command keeps its id when
 * it is registered again under the same name and type (as Discord does on a bulk overwrite); every change
 * gives it a new `version`.
 */
export class CommandStore {
  readonly #byGuild = new Map<string, APIApplicationCommand[]>();
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  list(applicationId: string, guildId: string): APIApplicationCommand[] {
    return (this.#byGuild.get(guildId) ?? []).filter((command) => command.application_id === applicationId);
  }

  get(applicationId: string, guildId: string, commandId: string): APIApplicationCommand | undefined {
    return this.list(applicationId, guildId).find((command) => command.id === commandId);
  }

  /** Every command of the guild a user could pick by this name and type, whichever app registered it. */
  byName(guildId: string, name: string, type: number): APIApplicationCommand | undefined {
    return (this.#byGuild.get(guildId) ?? []).find((command) => command.name === name && command.type === type);
  }

  /** Bulk overwrite: the guild's commands of this application become exactly these. */
  replaceAll(
    applicationId: string,
    guildId: string,
    bodies: RESTPostAPIApplicationGuildCommandsJSONBody[],
  ): APIApplicationCommand[] {
    const previous = this.list(applicationId, guildId);
    const replaced = bodies.map((body) => {
      const same = previous.find((command) => command.name === body.name && command.type === (body.type ?? 1));
      return this.#toCommand(applicationId, guildId, body, same?.id);
    });
    const others = (this.#byGuild.get(guildId) ?? []).filter((command) => command.application_id !== applicationId);
    this.#byGuild.set(guildId, [...others, ...replaced]);
    return replaced;
  }

  /** Creates, or overwrites the command of the same name and type; `created` tells which. */
  upsert(
    applicationId: string,
    guildId: string,
    body: RESTPostAPIApplicationGuildCommandsJSONBody,
  ): { command: APIApplicationCommand; created: boolean } {
    const same = this.list(applicationId, guildId).find(
      (command) => command.name === body.name && command.type === (body.type ?? 1),
    );
    const command = this.#toCommand(applicationId, guildId, body, same?.id);
    this.#store(guildId, command);
    return { command, created: !same };
  }

  /** Replaces a known command's definition (the route merged the patch into it). */
  update(
    applicationId: string,
    guildId: string,
    commandId: string,
    body: RESTPostAPIApplicationGuildCommandsJSONBody,
  ): APIApplicationCommand {
    const command = this.#toCommand(applicationId, guildId, body, commandId);
    this.#store(guildId, command);
    return command;
  }

  delete(guildId: string, commandId: string): void {
    this.#byGuild.set(
      guildId,
      (this.#byGuild.get(guildId) ?? []).filter((command) => command.id !== commandId),
    );
  }

  #store(guildId: string, command: APIApplicationCommand): void {
    const commands = this.#byGuild.get(guildId) ?? [];
    const index = commands.findIndex((each) => each.id === command.id);
    if (index >= 0) commands[index] = command;
    else commands.push(command);
    this.#byGuild.set(guildId, commands);
  }

  #toCommand(
    applicationId: string,
    guildId: string,
    body: RESTPostAPIApplicationGuildCommandsJSONBody,
    id: string | undefined,
  ): APIApplicationCommand {
    return {
      id: id ?? this.#context.nextId(),
      application_id: applicationId,
      guild_id: guildId,
      version: this.#context.nextId(),
      type: body.type ?? 1,
      name: body.name,
      name_localizations: body.name_localizations ?? null,
      description: 'description' in body ? (body.description ?? '') : '',
      description_localizations: 'description_localizations' in body ? (body.description_localizations ?? null) : null,
      options: 'options' in body ? (body.options ?? []) : [],
      default_member_permissions: body.default_member_permissions ?? null,
      nsfw: body.nsfw ?? false,
      // Guild command bodies may carry these too; discord-api-types leaves them out of the guild body type.
      contexts: (body as { contexts?: number[] }).contexts ?? null,
      integration_types: (body as { integration_types?: number[] }).integration_types ?? [0],
    } as APIApplicationCommand;
  }
}
