package io.zerowire.tap.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace the test creates and deletes: the kernel peer lives in it, with its addresses
 * on a TAP device the JVM holds. Every address a test uses stays inside its namespaces.
 */
final class Netns implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    /**
     * A fresh name for a namespace or an interface: short enough for an interface name (15 bytes),
     * unique across concurrent test runs by the process id.
     */
    static String uniqueName(String tag) {
        return "zw" + tag + (ProcessHandle.current().pid() % 100_000) + "x" + SEQUENCE.incrementAndGet();
    }

    /** Creates a namespace with its loopback up. */
    static Netns create(String tag) {
        Netns ns = new Netns(uniqueName(tag));
        Run.check(COMMAND_TIMEOUT, List.of("ip", "netns", "add", ns.name));
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    String name() {
        return name;
    }

    /** Moves {@code device} (a TAP the JVM holds open) into this namespace. */
    void adopt(String device) {
        Run.check(COMMAND_TIMEOUT, List.of("ip", "link", "set", device, "netns", name));
    }

    /** {@code ip -n NAME args...}, which must succeed. */
    void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(Arrays.asList(args));
        Run.check(COMMAND_TIMEOUT, command);
    }

    /** Runs {@code command} inside the namespace. */
    Run.Result exec(Duration timeout, byte[] stdin, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(Arrays.asList(command));
        return Run.run(timeout, stdin, full);
    }

    /** Runs {@code command} inside the namespace, without input. */
    Run.Result exec(Duration timeout, String... command) {
        return exec(timeout, null, command);
    }

    /** The kernel's SNMP and extended counters in the namespace ({@code nstat -asz}: absolute, zeros too, no history). */
    Map<String, Long> counters() {
        Run.Result result = exec(COMMAND_TIMEOUT, "nstat", "-asz");
        if (!result.ok()) {
            throw new AssertionError(result.describe());
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String line : result.out().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 2 && !line.startsWith("#") && fields[1].matches("\\d+")) {
                counters.put(fields[0], Long.parseLong(fields[1]));
            }
        }
        return counters;
    }

    /** Deletes the namespace (and with it any device still in it). */
    @Override
    public void close() {
        Run.run(COMMAND_TIMEOUT, null, List.of("ip", "netns", "del", name));
    }

    @Override
    public String toString() {
        return name;
    }
}
