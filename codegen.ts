// Types for resolvers (server) and operations (client) are generated from schema.graphql.
// Never edit the generated files; `npm run codegen` rewrites them and `npm test` fails when they are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.graphql'],
  generates: {
    // The enums alone, as string unions, for the layers under GraphQL (domain, queries, metrics):
    // they name the same values as the API without importing the API.
    'server/domain/vocabulary.generated.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsTypes: true },
    },
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
