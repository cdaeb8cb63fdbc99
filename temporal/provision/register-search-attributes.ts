import { Connection } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { log } from '../../telemetry/log-context.ts';
import { registeredSearchAttributes } from '../../workflows/search-attributes.ts';

/**
 * Registers the ticket and subscription search attributes on a self-hosted Temporal server (docker-compose's),
 * which starts without them, unlike the dev server that scripts/start.sh gives `--search-attribute` flags. Without
 * them every ticket's and subscription's first upsert fails its workflow task. Idempotent: an attribute already
 * registered with the same type is left alone; one registered with another type stops the deployment with an error.
 */
type IndexedValueType = NonNullable<ReturnType<typeof encodeSearchAttributeIndexedValueType>>;

const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';

async function run(): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing: Record<string, IndexedValueType> = {};
    for (const key of registeredSearchAttributes) {
      const wanted = encodeSearchAttributeIndexedValueType(key.type);
      if (wanted === undefined) throw new Error(`search attribute ${key.name} has an unknown type ${key.type}`);
      const registered = customAttributes?.[key.name];
      if (registered === undefined) {
        missing[key.name] = wanted;
      } else if (registered !== wanted) {
        throw new Error(
          `search attribute ${key.name} is registered in ${namespace} with another type than ${key.type}`,
        );
      }
    }
    const names = Object.keys(missing);
    if (names.length > 0) {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    }
    log().info(
      { namespace, registered: names },
      names.length > 0 ? 'search attributes registered' : 'search attributes all present',
    );
  } finally {
    await connection.close();
  }
}

run().catch((error: unknown) => {
  log().fatal({ err: error }, 'search attributes not registered');
  process.exit(1);
});
