/**
 * Type of `import schema from 'undoc/schema' with { type: 'json' }`: the JSON Schema (2020-12) of
 * undoc's document JSON, as a plain object. Its `$id` is `urn:undoc:schema:document:<version>`.
 */
declare const schema: {
  readonly $schema: string;
  readonly $id: string;
  readonly title: string;
  readonly description: string;
  readonly [keyword: string]: unknown;
};
export default schema;
