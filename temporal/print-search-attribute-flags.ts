import { registeredSearchAttributes } from '../workflows/search-attributes.ts';

/** Prints `--search-attribute Name=Type` flags for `temporal server start-dev`, from the one list the code uses. */
const cliTypeNames: Record<string, string> = {
  KEYWORD: 'Keyword',
  INT: 'Int',
  DATETIME: 'Datetime',
  BOOL: 'Bool',
  TEXT: 'Text',
  DOUBLE: 'Double',
  KEYWORD_LIST: 'KeywordList',
};

const flags = registeredSearchAttributes.flatMap((key) => {
  const type = cliTypeNames[key.type.toUpperCase()];
  if (!type) throw new Error(`search attribute ${key.name} has a type the CLI does not know: ${key.type}`);
  return ['--search-attribute', `${key.name}=${type}`];
});
process.stdout.write(`${flags.join(' ')}\n`);
