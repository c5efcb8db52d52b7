# Real GraphQL clients for the GraphQL dialect's acceptance test (GraphqlNpmClientTest): graphql-request over HTTP,
# graphql-ws (graphql-transport-ws) with the ws package as Node 20's WebSocket, and graphql 16 as their peer.
NPM_PACKAGES+=(graphql@16.15.0 graphql-request@7.4.0 graphql-ws@6.4.2 ws@8.23.0)
