package org.criticalminerals.readiness;

import org.springframework.core.env.Environment;

/** The line the service logs when it is ready: where GraphQL, GraphiQL and Bolt are. */
final class ReadyLine {

    private ReadyLine() {
    }

    static String of(Environment environment, int httpPort) {
        String host = environment.getProperty("server.address", "localhost");
        String http = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + httpPort;
        String graphQl = environment.getProperty("spring.graphql.http.path", "/graphql");
        boolean embedded = !"server".equalsIgnoreCase(environment.getProperty("cmg.mode", "embedded"));
        String bolt = embedded
                ? "bolt://" + environment.getProperty("cmg.embedded.bolt-address", "localhost") + ":"
                        + environment.getProperty("cmg.embedded.bolt-port", "7687") + " (embedded; user neo4j)"
                : environment.getProperty("spring.neo4j.uri", "?") + " (server)";
        return "Ready: GraphQL " + http + graphQl + " · GraphiQL " + http + "/graphiql · Bolt " + bolt;
    }
}
