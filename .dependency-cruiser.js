/**
 * Layer rules, checked in CI: the domain libraries stay pure (no Nest, no database client,
 * no infrastructure), no library reaches into an app, and contexts do not import each other's domain.
 */
const DOMAIN = '^libs/(kernel|stations-contracts|supervision|training|assessment|reporting|renewal)/';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework-or-database',
      severity: 'error',
      comment: 'Domain libraries import no Nest, no database client and no HTTP library.',
      from: { path: DOMAIN },
      to: { path: 'node_modules/(@nestjs|better-sqlite3|mongoose|mongodb|@eventstore|fastify|@fastify|class-validator|class-transformer|rxjs)/' },
    },
    {
      name: 'domain-imports-no-infrastructure',
      severity: 'error',
      comment: 'Domain libraries do not know the stores; the apps wire them.',
      from: { path: DOMAIN },
      to: { path: '^libs/(event-store|read-store)/' },
    },
    {
      name: 'domain-imports-no-node-io',
      severity: 'error',
      comment: 'Domain libraries do no I/O of their own.',
      from: { path: DOMAIN, pathNot: '\\.spec\\.ts$|/testing/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|net|http|https|child_process|crypto|os|worker_threads)$' },
    },
    {
      name: 'contexts-stay-apart',
      severity: 'error',
      comment: "A context's domain imports only the kernel, never another context. The reporting library, downstream of every context, reads their event types.",
      from: { path: '^libs/([^/]+)/', pathNot: '^libs/(kernel|event-store|read-store|reporting)/' },
      to: { path: '^libs/([^/]+)/', pathNot: ['^libs/$1/', '^libs/kernel/'] },
    },
    {
      name: 'eventstoredb-client-in-one-folder',
      severity: 'error',
      comment: 'Only the EventStoreDB adapter knows its client, so moving to another client changes one folder.',
      from: { pathNot: '^libs/event-store/src/eventstoredb/' },
      to: { path: 'node_modules/@eventstore/' },
    },
    {
      name: 'mongodb-client-in-the-adapter-and-the-wiring',
      severity: 'error',
      comment: "mongoose and @nestjs/mongoose are used by the MongoDB read-model adapter and the API's store wiring only.",
      from: { pathNot: '^(libs/read-store/src/mongodb/|apps/api/src/infrastructure/)' },
      to: { path: 'node_modules/(mongoose|@nestjs/mongoose|mongodb)/' },
    },
    {
      name: 'libraries-import-no-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|apps/console)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
