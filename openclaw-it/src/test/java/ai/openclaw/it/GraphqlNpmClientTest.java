package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.GatewayExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: real GraphQL clients from npm — {@code graphql-request} for queries, mutations and an error over
 * HTTP, {@code graphql-ws} (with {@code ws}) for a subscription over graphql-transport-ws — against the gateway
 * (scripts/deps.d/graphql.sh lists them; skipped with a message when node or they are missing).
 */
class GraphqlNpmClientTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @Test
    void graphqlRequestAndGraphqlWsWork() throws Exception {
        Path npm = Path.of("target/npm").toAbsolutePath();
        Path modules = npm.resolve("node_modules");
        for (String pkg : List.of("graphql", "graphql-request", "graphql-ws", "ws")) {
            assumeTrue(Files.isDirectory(modules.resolve(pkg)), "npm package '" + pkg + "' is not installed in "
                    + "openclaw-it/target/npm (run ./scripts/test-deps.sh; listed in scripts/deps.d/graphql.sh)");
        }
        assumeTrue(SeedExamplesTest.available("node", "--version"), "node is needed for the npm GraphQL clients");
        String key = env.gateway().gateway().services().auth().generate("graphql-npm", null, "enterprise", null)
                .secret();
        // ES modules resolve packages from the script's own folder, so the script runs from a copy beside them
        Path script = npm.resolve("graphql_clients.mjs");
        Files.copy(Path.of("src/test/acceptance/graphql_clients.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        SeedExamplesTest.Run r = SeedExamplesTest.run(List.of("node", script.toString(), env.gateway().baseUrl(),
                key), null);
        assertThat(r.out()).doesNotContain("FAIL");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok   subscription messageStream over graphql-ws", "ok graphql clients");
    }
}
