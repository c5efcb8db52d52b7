package ai.openclaw.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a turn came from and who sent it, as webhook payloads show it (seed 002: {@code data.channel},
 * {@code data.user}).
 *
 * @param channel the channel: {@code api} (HTTP dialects), {@code ws} (the WebSocket gateway protocol), {@code mcp},
 *     {@code graphql}, {@code cron}, {@code task}, {@code agent} (a sub-agent); never blank
 * @param userId the sender's id (the API key id, {@code gateway} for the gateway token, a cron job's owner), or
 *     null when there is none
 * @param username the sender's display name (the key's name), or null
 */
public record TurnOrigin(String channel, String userId, String username) {
    /** A turn whose caller set no origin: an internal one. */
    public static final TurnOrigin INTERNAL = new TurnOrigin("internal", null, null);

    /** Validates the channel. */
    public TurnOrigin {
        Objects.requireNonNull(channel, "channel");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("channel must not be blank");
        }
    }

    /** The webhook payload's {@code user} object ({@code id}, {@code username}), or null without a sender. */
    public Map<String, Object> user() {
        if (userId == null) {
            return null;
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", userId);
        if (username != null) {
            u.put("username", username);
        }
        return u;
    }
}
