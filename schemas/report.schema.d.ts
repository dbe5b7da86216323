/**
 * Type of `import schema from 'undoc/schema/report' with { type: 'json' }`: the JSON Schema (2020-12) of
 * undoc's run report (`undoc convert --report`), as a plain object. Its `$id` is `urn:undoc:schema:report:<version>`.
 */
declare const schema: {
  readonly $schema: string;
  readonly $id: string;
  readonly title: string;
  readonly description: string;
  readonly [keyword: string]: unknown;
};
export default schema;
