package ai.openclaw.server.api.graphql;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Json;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dataloader.DataLoaderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GraphQL dialect's engine: the schema from {@code graphql/schema.graphqls} wired to the core services, with
 * depth and complexity limits ({@code graphql.maxDepth}, default 15; {@code graphql.maxComplexity}, default 5000,
 * where a list field counts its children {@code first} times), errors with {@code extensions.code}, and one
 * DataLoader registry per operation (its counts in {@code extensions.dataLoaders} when the request's extensions
 * say {@code "dataLoaderStats": true}). Shared by every transport (HTTP, graphql-sse, graphql-transport-ws).
 */
final class GraphqlEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphqlEngine.class);
    /** The default largest query depth. */
    static final int DEFAULT_MAX_DEPTH = 15;
    /** The default largest query complexity. */
    static final int DEFAULT_MAX_COMPLEXITY = 5000;

    private final GatewayServices services;
    private final ai.openclaw.util.Deferred<GraphQL> graphql;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Checks the limits now and builds the schema on {@code prepare} (start-up does not wait for it; the first
     * operation does if it comes first).
     *
     * @throws IllegalArgumentException when {@code graphql.maxDepth} or {@code graphql.maxComplexity} is not positive
     */
    GraphqlEngine(GatewayServices services, java.util.concurrent.Executor prepare) {
        this.services = services;
        var tree = services.config().tree().path("graphql");
        int maxDepth = tree.path("maxDepth").asInt(DEFAULT_MAX_DEPTH);
        int maxComplexity = tree.path("maxComplexity").asInt(DEFAULT_MAX_COMPLEXITY);
        if (maxDepth < 1 || maxComplexity < 1) {
            throw new IllegalArgumentException("graphql.maxDepth and graphql.maxComplexity must be positive");
        }
        graphql = ai.openclaw.util.Deferred.of("the GraphQL schema", () -> build(maxDepth, maxComplexity))
                .prepareOn(prepare);
    }

    private GraphQL build(int maxDepth, int maxComplexity) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.JSON).scalar(Scalars.DATE_TIME);
        new StatusWiring(services).wire(wiring);
        new ConversationWiring(services).wire(wiring);
        new AgentWiring(services).wire(wiring);
        new MemoryWiring(services).wire(wiring);
        new BackgroundWiring(services).wire(wiring);
        new SubscriptionWiring(services, streams).wire(wiring);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry(), wiring.build());
        DataFetcherExceptionHandler errors = GraphqlEngine::handle;
        return GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(new MaxQueryDepthInstrumentation(maxDepth),
                        new MaxQueryComplexityInstrumentation(maxComplexity, (env, children) -> {
                            Object first = env.getArguments().get("first");
                            int n = first instanceof Number x ? Math.max(1, x.intValue()) : 1;
                            return 1 + children * n;
                        }))))
                .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .subscriptionExecutionStrategy(new SubscriptionExecutionStrategy(errors))
                .build();
    }

    private static TypeDefinitionRegistry registry() {
        try (InputStream in = GraphqlEngine.class.getResourceAsStream("/graphql/schema.graphqls")) {
            if (in == null) {
                throw new IllegalStateException("graphql/schema.graphqls is missing from the classpath");
            }
            return new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one operation for {@code caller} on this thread (a subscription returns its event publisher as data).
     *
     * @param request the operation
     * @param caller the authenticated caller
     * @return graphql-java's result
     */
    ExecutionResult execute(GraphqlRequest request, GraphqlCaller caller) {
        DataLoaderRegistry loaders = Loaders.registry(services, caller);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .extensions(request.extensions())
                .graphQLContext(Map.of(GraphqlCaller.KEY, caller))
                .dataLoaderRegistry(loaders)
                .build();
        ExecutionResult result = graphql.get().execute(input);
        if (Boolean.TRUE.equals(request.extensions().get("dataLoaderStats")) && result.isDataPresent()
                && !(result.getData() instanceof org.reactivestreams.Publisher<?>)) {
            return result.transform(b -> b.addExtension("dataLoaders", Loaders.statistics(loaders)));
        }
        return result;
    }

    /**
     * The result as the response body ({@code data}, {@code errors}, {@code extensions}), every error carrying
     * {@code extensions.code}: INVALID_REQUEST for syntax, validation and limit errors.
     */
    static Map<String, Object> toSpec(ExecutionResult result) {
        Map<String, Object> spec = new LinkedHashMap<>(result.toSpecification());
        if (!result.getErrors().isEmpty()) {
            List<Object> errors = new ArrayList<>();
            for (GraphQLError e : result.getErrors()) {
                errors.add(errorSpec(e));
            }
            spec.put("errors", errors);
        }
        return spec;
    }

    /** One error's specification form with {@code extensions.code}. */
    static Map<String, Object> errorSpec(GraphQLError e) {
        Map<String, Object> m = new LinkedHashMap<>(e.toSpecification());
        Map<String, Object> ext = new LinkedHashMap<>();
        if (m.get("extensions") instanceof Map<?, ?> old) {
            old.forEach((k, v) -> ext.put(String.valueOf(k), v));
        }
        ext.putIfAbsent("code", code(e.getErrorType()).name());
        ext.remove("classification");
        m.put("extensions", ext);
        return m;
    }

    private static ErrorCode code(ErrorClassification type) {
        if (type instanceof ErrorType t) {
            return switch (t) {
                case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted -> ErrorCode.INVALID_REQUEST;
                default -> ErrorCode.INTERNAL_ERROR;
            };
        }
        return ErrorCode.INVALID_REQUEST;
    }

    private static CompletableFuture<DataFetcherExceptionHandlerResult> handle(
            graphql.execution.DataFetcherExceptionHandlerParameters params) {
        Throwable e = params.getException();
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        OpenClawException oe;
        if (e instanceof OpenClawException o) {
            oe = o;
            if (o.code() == ErrorCode.INTERNAL_ERROR && o.getCause() != null) {
                LOG.error("GraphQL field {} failed: {}", params.getPath(), o.getMessage(), o.getCause());
            }
        } else {
            LOG.error("GraphQL field {} failed unexpectedly", params.getPath(), e);
            oe = new OpenClawException(ErrorCode.INTERNAL_ERROR, "internal error; the gateway log has the details",
                    null, false, e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Json.MAPPER.convertValue(ErrorMapper.graphqlError(oe), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> ext = (Map<String, Object>) body.get("extensions");
        GraphQLError error = GraphqlErrorBuilder.newError().message(oe.getMessage()).path(params.getPath())
                .location(params.getSourceLocation()).extensions(ext).build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    @Override
    public void close() {
        streams.shutdownNow();
    }
}
