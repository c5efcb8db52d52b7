package ai.openclaw.server.http;

import ai.openclaw.auth.Principal;
import ai.openclaw.session.TurnOrigin;

/** The origin of a dialect's turn: its channel and the calling principal (webhook {@code data.channel/user}). */
public final class Origins {
    private Origins() {
    }

    /**
     * The origin of a turn {@code p} sends over {@code channel}: user id is the key id ({@code gateway} for the
     * gateway token), username the key's name.
     *
     * @param channel {@code api}, {@code ws}, {@code mcp} or {@code graphql}
     * @param p the authenticated caller
     */
    public static TurnOrigin of(String channel, Principal p) {
        return new TurnOrigin(channel, p.id(), p.name());
    }
}
