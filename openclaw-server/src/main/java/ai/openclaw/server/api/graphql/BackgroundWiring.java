package ai.openclaw.server.api.graphql;

import ai.openclaw.auth.Scopes;
import ai.openclaw.cron.CronJob;
import ai.openclaw.cron.CronJobSpec;
import ai.openclaw.cron.CronJson;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.api.tasks.TaskRequests;
import ai.openclaw.server.http.Json;
import ai.openclaw.task.Task;
import ai.openclaw.task.TaskStatus;
import ai.openclaw.webhook.WebhookEndpoint;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Background work (seed 000/003 tasks, seed 004 cron jobs, seed 002/003 webhooks), all under the tasks scope. */
final class BackgroundWiring {
    private final GatewayServices services;

    BackgroundWiring(GatewayServices services) {
        this.services = services;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Query", t -> t
                .dataFetcher("tasks", this::tasks)
                .dataFetcher("task", this::task)
                .dataFetcher("cronJobs", this::cronJobs)
                .dataFetcher("cronJob", this::cronJob)
                .dataFetcher("webhooks", this::webhooks)
                .dataFetcher("webhook", this::webhook));
        w.type("CronJob", t -> t.dataFetcher("runs", this::runs));
        w.type("Webhook", t -> t.dataFetcher("deliveries", this::deliveries));
        w.type("Mutation", t -> t
                .dataFetcher("createTask", this::createTask)
                .dataFetcher("cancelTask", this::cancelTask)
                .dataFetcher("createCronJob", this::createCronJob)
                .dataFetcher("updateCronJob", this::updateCronJob)
                .dataFetcher("deleteCronJob", this::deleteCronJob)
                .dataFetcher("runCronJob", this::runCronJob)
                .dataFetcher("createWebhook", this::createWebhook)
                .dataFetcher("deleteWebhook", this::deleteWebhook));
    }

    private Object tasks(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        Connections.Window w = Connections.window(env);
        String status = env.getArgument("status");
        return Connections.of(services.background().tasks().list(c.owner(),
                status == null ? null : TaskStatus.valueOf(status), w.offset(), w.limit()), Views::task);
    }

    private Object task(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return Views.task(services.background().tasks().get(env.getArgument("id"), c.owner()));
    }

    private Object createTask(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        Map<String, Object> in = env.getArgument("input");
        Task t = services.background().tasks().submit(TaskRequests.parse(c.principal(), Inputs.body(in), services));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", Views.task(t));
        out.put("callbackSecret", t.callback() == null ? null : t.callback().secret());
        return out;
    }

    private Object cancelTask(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return Views.task(services.background().tasks().cancel(env.getArgument("id"), c.owner()));
    }

    private Map<String, Object> view(CronJob j) {
        return Views.cronJob(j, services.background().cron().nextRun(j).orElse(null));
    }

    private Object cronJobs(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return services.background().cron().list(c.owner()).stream().map(this::view).toList();
    }

    private Object cronJob(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return view(services.background().cron().get(env.getArgument("id"), c.owner()));
    }

    private Object runs(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        Map<String, Object> job = env.getSource();
        Connections.Window w = Connections.window(env);
        return Connections.of(services.background().cron().runs((String) job.get("id"), c.owner(), w.offset(),
                w.limit()), Views::cronRun);
    }

    /** The spec of a cron input; a {@code sessionTarget} naming a session is in the caller's namespace (as REST). */
    private static CronJobSpec spec(GraphqlCaller c, Map<String, Object> in) {
        var schedule = in.get("schedule") == null ? null : CronJson.schedule(Json.MAPPER.valueToTree(in.get("schedule")));
        var payload = in.get("payload") == null ? null : CronJson.payload(Json.MAPPER.valueToTree(in.get("payload")));
        String target = (String) in.get("sessionTarget");
        if (target != null && !target.isBlank() && !target.equals("isolated")) {
            target = c.sessionId(target);
        }
        return new CronJobSpec((String) in.get("name"), schedule, payload, target, (Boolean) in.get("enabled"));
    }

    private Object createCronJob(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return view(services.background().cron().create(spec(c, env.getArgument("input")), c.ownerId()));
    }

    private Object updateCronJob(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return view(services.background().cron().update(env.getArgument("id"), spec(c, env.getArgument("input")),
                c.owner()));
    }

    private Object deleteCronJob(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        String id = env.getArgument("id");
        services.background().cron().delete(id, c.owner());
        return Views.deleted(id);
    }

    private Object runCronJob(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return Views.cronRun(services.background().cron().runNow(env.getArgument("id"), c.owner()));
    }

    private Object webhooks(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return services.background().webhooks().list(c.owner()).stream().map(Views::webhook).toList();
    }

    private Object webhook(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        return Views.webhook(services.background().webhooks().get(env.getArgument("id"), c.owner()));
    }

    private Object deliveries(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        Map<String, Object> hook = env.getSource();
        Connections.Window w = Connections.window(env);
        return Connections.of(services.background().webhooks().deliveries((String) hook.get("id"), c.owner(),
                w.offset(), w.limit()), Views::delivery);
    }

    private Object createWebhook(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        Map<String, Object> in = env.getArgument("input");
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) in.get("events");
        WebhookEndpoint e = services.background().webhooks().create((String) in.get("url"), events,
                (String) in.get("secret"), c.ownerId());
        return Map.of("webhook", Views.webhook(e), "secret", e.secret());
    }

    private Object deleteWebhook(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        String id = env.getArgument("id");
        services.background().webhooks().delete(id, c.owner());
        return Views.deleted(id);
    }
}
