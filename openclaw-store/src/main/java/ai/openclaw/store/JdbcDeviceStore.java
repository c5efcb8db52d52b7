package ai.openclaw.store;

import ai.openclaw.device.Device;
import ai.openclaw.device.DeviceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link DeviceStore} over JDBC (table {@code devices}, migration V14). */
final class JdbcDeviceStore implements DeviceStore {
    private final Database db;

    JdbcDeviceStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Device> find(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM devices WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public void save(Device d) {
        db.write(h -> {
            h.createUpdate("DELETE FROM devices WHERE id = :id").bind("id", d.id()).execute();
            h.createUpdate("INSERT INTO devices (id, public_key, owner_id, client_id, client_mode, platform, role, "
                            + "scopes, status, request_id, remote_address, generation, created_at, approved_at, "
                            + "last_seen_at) VALUES (:id, :pk, :owner, :client, :mode, :platform, :role, :scopes, "
                            + ":status, :request, :remote, :generation, :created, :approved, :seen)")
                    .bind("id", d.id()).bind("pk", d.publicKey()).bind("owner", d.ownerId())
                    .bind("client", d.clientId()).bind("mode", d.clientMode()).bind("platform", d.platform())
                    .bind("role", d.role()).bind("scopes", String.join(" ", d.scopes()))
                    .bind("status", d.status()).bind("request", d.requestId()).bind("remote", d.remoteAddress())
                    .bind("generation", d.generation()).bind("created", d.createdAt().toEpochMilli())
                    .bind("approved", d.approvedAt() == null ? null : d.approvedAt().toEpochMilli())
                    .bind("seen", d.lastSeenAt().toEpochMilli())
                    .execute();
        });
    }

    @Override
    public List<Device> list() {
        return db.read(h -> h.createQuery("SELECT * FROM devices ORDER BY created_at, id")
                .map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public boolean delete(String id) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate("DELETE FROM devices WHERE id = :id").bind("id", id).execute() > 0);
        return found[0];
    }

    private static Device map(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes");
        long approved = rs.getLong("approved_at");
        boolean noApproval = rs.wasNull();
        return new Device(rs.getString("id"), rs.getString("public_key"), rs.getString("owner_id"),
                rs.getString("client_id"), rs.getString("client_mode"), rs.getString("platform"),
                rs.getString("role"), scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" ")),
                rs.getString("status"), rs.getString("request_id"), rs.getString("remote_address"),
                rs.getInt("generation"), Instant.ofEpochMilli(rs.getLong("created_at")),
                noApproval ? null : Instant.ofEpochMilli(approved), Instant.ofEpochMilli(rs.getLong("last_seen_at")));
    }
}
