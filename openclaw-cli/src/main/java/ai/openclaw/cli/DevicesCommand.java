package ai.openclaw.cli;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.device.Device;
import ai.openclaw.device.DeviceService;
import ai.openclaw.server.Gateway;
import ai.openclaw.store.Database;
import ai.openclaw.util.Ids;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code openclaw devices list|approve|reject}: the WebSocket protocol's device pairing (OpenClaw's
 * {@code openclaw devices}), on the state dir's database; the running gateway sees a change at the device's next
 * connect.
 */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "List and approve paired devices.",
        subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.Approve.class, DevicesCommand.Reject.class})
final class DevicesCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static <T> T withDevices(java.util.function.Function<DeviceService, T> work) {
        try (Database db = Gateway.openDatabase(GatewayConfig.from(Cli.config()), Cli.paths())) {
            return work.apply(DeviceService.create(db.deviceStore(), Ids.newSecret(48), Clock.systemUTC()));
        }
    }

    /** {@code devices list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Pending pairing requests and paired devices.")
    static final class ListDevices implements Callable<Integer> {
        @Override
        public Integer call() {
            List<Device> all = withDevices(DeviceService::list);
            if (all.isEmpty()) {
                System.out.println("no devices");
                return 0;
            }
            System.out.printf("%-8s %-26s %-16s %-18s %-16s %s%n", "STATUS", "REQUEST", "DEVICE", "CLIENT", "ADDRESS",
                    "OWNER");
            for (Device d : all) {
                System.out.printf("%-8s %-26s %-16s %-18s %-16s %s%n", d.status(), d.requestId(),
                        d.id().substring(0, 16), d.clientId() == null ? "-" : d.clientId(),
                        d.remoteAddress() == null ? "-" : d.remoteAddress(), d.ownerId());
            }
            return 0;
        }
    }

    /** {@code devices approve REQUEST_ID}. */
    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending pairing request.")
    static final class Approve implements Callable<Integer> {
        @Parameters(paramLabel = "REQUEST_ID", description = "The request id (or device id) from 'devices list'.")
        String id;

        @Override
        public Integer call() {
            Device d = withDevices(s -> s.approve(id));
            System.out.println("approved device " + d.id() + " (request " + d.requestId() + ")");
            return 0;
        }
    }

    /** {@code devices reject REQUEST_ID}. */
    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Reject a pending request or remove a paired device (its device token stops working).")
    static final class Reject implements Callable<Integer> {
        @Parameters(paramLabel = "REQUEST_ID", description = "The request id (or device id) from 'devices list'.")
        String id;

        @Override
        public Integer call() {
            Device d = withDevices(s -> s.remove(id));
            System.out.println("removed device " + d.id() + " (request " + d.requestId() + ")");
            return 0;
        }
    }
}
