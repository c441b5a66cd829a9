// GraphiQL against this service's /graphql. Where reads need a key (CMG_READ_ACCESS=reader), put it in the
// Headers tab as {"Authorization": "Bearer <key>"}, then re-fetch the schema (the sidebar's ↻ button).
// Headers are not kept in the browser's storage: a key stays only as long as the page.
(function () {
  'use strict';
  const endpoint = new URL('/graphql', window.location.href).toString();
  const fetcher = GraphiQL.createFetcher({ url: endpoint });
  const params = new URLSearchParams(window.location.search);
  const defaultQuery = `# Critical Minerals Graph. Ctrl-Enter runs the query. Where reads need an API key,
# open "Headers" below and enter {"Authorization": "Bearer <your key>"}.
{
  offtakes(filter: {buyerCountry: JP, avoidProcessingIn: [CN]}) {
    totalCount
    edges { node { id name route { countries } } }
  }
}
`;
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    query: params.get('query') || undefined,
    variables: params.get('variables') || undefined,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }));
})();
