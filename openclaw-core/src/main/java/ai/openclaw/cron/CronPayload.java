package ai.openclaw.cron;

import ai.openclaw.error.OpenClawException;

/**
 * What a cron job does when it fires: {@code {kind:"systemEvent", text}} (publishes a {@code cron.fired} event with
 * the text) or {@code {kind:"agentTurn", message, agentId}} (runs an agent turn; the reply is the run's output).
 */
public sealed interface CronPayload {
    /** The wire kind. */
    String kind();

    /**
     * A system event.
     *
     * @param text the event text; never blank
     */
    record SystemEvent(String text) implements CronPayload {
        /** Validates the text. */
        public SystemEvent {
            if (text == null || text.isBlank()) {
                throw OpenClawException.invalid("field 'payload.text' is required for kind 'systemEvent'");
            }
        }

        @Override
        public String kind() {
            return "systemEvent";
        }
    }

    /**
     * An agent turn.
     *
     * @param message the user message; never blank
     * @param agentId the agent, or null for the default
     * @param model a {@code provider/model}, or null for the default
     */
    record AgentTurn(String message, String agentId, String model) implements CronPayload {
        /** Validates the message. */
        public AgentTurn {
            if (message == null || message.isBlank()) {
                throw OpenClawException.invalid("field 'payload.message' is required for kind 'agentTurn'");
            }
        }

        @Override
        public String kind() {
            return "agentTurn";
        }
    }
}
