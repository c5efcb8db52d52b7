package ai.openclaw.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openclaw dashboard}: opens the Control UI of the running gateway in a browser, or prints its URL. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Open the Control UI in a browser (prints the URL when no browser can be started).")
final class DashboardCommand implements Callable<Integer> {
    @Option(names = "--url", description = "The gateway's URL (default: $OPENCLAW_GATEWAY_URL or the config's port).")
    String url;

    @Option(names = "--no-open", description = "Only print the URL.")
    boolean noOpen;

    @Override
    public Integer call() {
        String target = Cli.baseUrl(url) + "/";
        System.out.println("Control UI: " + target);
        System.out.println("log in with the gateway token: openclaw config get gateway.auth.token");
        if (!noOpen && !open(target)) {
            System.out.println("(no browser could be started; open the URL above)");
        }
        return 0;
    }

    private static boolean open(String target) {
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String[] cmd = os.contains("mac") ? new String[] {"open", target}
                : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", target}
                : display ? new String[] {"xdg-open", target} : null;
        if (cmd == null) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
