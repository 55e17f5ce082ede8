// Types for resolvers (server) and operations (client) are generated from schema.graphql.
// Never edit the generated files; `npm run codegen` rewrites them and `npm test` fails when they are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.graphql'],
  generates: {
    'server/graphql/generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        scalars,
        contextType: '../graphql/context.js#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: false,
      },
    },
    'client/src/generated/graphql.ts': {
      // typescript-operations emits the enums and inputs the operations use, so no 'typescript' here.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { scalars, useTypeImports: true, enumsAsTypes: true },
    },
  },
  hooks: {},
};
export default config;
