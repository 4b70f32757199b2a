package io.zerowire.protocols.testing;

import io.zerowire.pcap.testing.TestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * tshark's dissection of a capture, the independent oracle of the conformance tests.
 *
 * <p>One {@code tshark -T json} run per capture gives every field of every layer this module parses,
 * with the options of {@code shared/captures/README.md}: all checksum checks on, no IP
 * defragmentation, no TCP reassembly, absolute sequence numbers. The result is cached for the test
 * JVM (and on disk under {@code target/tshark-cache}, keyed by the capture's name and size and the
 * protocol list), so the
 * conformance tests of every protocol family share one run.
 *
 * <pre>{@code
 * Tshark.Packet p = Tshark.dissect(capture.file()).get(frame.number());
 * assertThat(p.first("udp.srcport")).isEqualTo(String.valueOf(udp.sourcePort()));
 * }</pre>
 */
public final class Tshark {
    /** The protocols tshark reports (its -J filter); fields of other protocols are left out. */
    public static final String PROTOCOLS = "frame eth vlan ieee8021ad arp ip ipv6 icmp icmpv6 igmp dvmrp tcp udp sll null _ws.malformed";

    /**
     * The preferences of every run: all checksum checks on (UDP-Lite's too), no IP defragmentation, no TCP
     * reassembly, absolute sequence numbers.
     */
    public static final List<String> PREFERENCES = List.of(
            "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
            "-o", "udplite.check_checksum:TRUE",
            "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
            "-o", "tcp.relative_sequence_numbers:FALSE", "-o", "tcp.analyze_sequence_numbers:FALSE",
            "-o", "tcp.desegment_tcp_streams:FALSE");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Map<Integer, Packet>> CACHE = new ConcurrentHashMap<>();

    private Tshark() {}

    /**
     * One packet as tshark dissects it: every field name with its values in the order tshark shows
     * them (outer headers first, then tunnelled or quoted ones).
     */
    public record Packet(int number, Map<String, List<String>> fields) {
        /** The first value of {@code field}, or null if tshark shows none. */
        public String first(String field) {
            List<String> values = fields.get(field);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Every value of {@code field}, outer to inner; empty if none. */
        public List<String> all(String field) {
            return fields.getOrDefault(field, List.of());
        }

        /** Whether tshark shows {@code field} at all. */
        public boolean has(String field) {
            return fields.containsKey(field);
        }

        /** Whether tshark marks the frame malformed or with an expert error (a field under {@code _ws.}). */
        public boolean malformed() {
            return fields.containsKey("_ws.malformed");
        }
    }

    /** tshark's dissection of every packet of {@code capture}, by 1-based frame number. */
    public static Map<Integer, Packet> dissect(Path capture) throws IOException {
        Path tshark = TestEnvironment.requireTshark();
        Map<Integer, Packet> cached = CACHE.get(capture);
        if (cached != null) {
            return cached;
        }
        Map<Integer, Packet> result = parse(json(tshark, capture));
        CACHE.put(capture, result);
        return result;
    }

    /** Runs tshark over all {@code captures} two at a time, so later {@link #dissect} calls hit the cache. */
    public static void prefetch(List<Path> captures) throws IOException {
        TestEnvironment.requireTshark();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<Integer, Packet>>> runs = new ArrayList<>();
            for (Path capture : captures) {
                runs.add(pool.submit(() -> dissect(capture)));
            }
            for (Future<Map<Integer, Packet>> run : runs) {
                run.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static byte[] json(Path tshark, Path capture) throws IOException {
        Path cacheDir = Path.of("target", "tshark-cache");
        // Keyed by the capture and by what is asked of tshark, so a changed protocol list runs it again.
        Path cached = cacheDir.resolve(capture.getFileName() + "." + Files.size(capture) + "."
                + Integer.toHexString(PROTOCOLS.hashCode()) + ".json");
        if (Files.isRegularFile(cached)) {
            return Files.readAllBytes(cached);
        }
        List<String> command = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", capture.toString()));
        command.addAll(PREFERENCES);
        command.addAll(List.of("-T", "json", "--no-duplicate-keys", "-J", PROTOCOLS));
        TestEnvironment.Run run;
        try {
            run = TestEnvironment.run(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        // tshark exits non-zero on a cut-short file but still prints the packets before the cut.
        byte[] bytes = String.join("\n", run.lines()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            bytes = "[]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempFile(cacheDir, "run", ".json");
        Files.write(tmp, bytes);
        Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return bytes;
    }

    /**
     * Some fields of every packet of {@code capture}, from {@code tshark -T fields -E occurrence=a}
     * with the same {@link #PREFERENCES}: each field's values in the order of the protocol tree,
     * which the JSON form loses for repeated subtrees (its {@code --no-duplicate-keys} merges every
     * TCP NOP option into one array, say). Not cached on disk.
     *
     * @return per 1-based frame number, per field, the values (empty when tshark shows none)
     */
    public static Map<Integer, Map<String, List<String>>> fields(Path capture, List<String> fields) throws IOException {
        Path tshark = TestEnvironment.requireTshark();
        List<String> command = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", capture.toString()));
        command.addAll(PREFERENCES);
        command.addAll(List.of("-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "separator=/t",
                "-e", "frame.number"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        TestEnvironment.Run run;
        try {
            run = TestEnvironment.run(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<Integer, Map<String, List<String>>> result = new HashMap<>();
        for (String line : run.lines()) {
            String[] columns = line.split("\t", -1);
            if (columns.length != fields.size() + 1 || !columns[0].matches("\\d+")) {
                continue;   // a message of tshark's, not a packet
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                values.put(fields.get(i), columns[i + 1].isEmpty() ? List.of() : List.of(columns[i + 1].split(",")));
            }
            result.put(Integer.parseInt(columns[0]), values);
        }
        return result;
    }

    private static Map<Integer, Packet> parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        Map<Integer, Packet> packets = new HashMap<>();
        for (JsonNode packet : root) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            flatten(packet.path("_source").path("layers"), null, fields);
            List<String> number = fields.get("frame.number");
            if (number == null) {
                continue;
            }
            int n = Integer.parseInt(number.get(0));
            fields.replaceAll((k, v) -> Collections.unmodifiableList(v));
            packets.put(n, new Packet(n, Collections.unmodifiableMap(fields)));
        }
        return Collections.unmodifiableMap(packets);
    }

    /** Depth-first in document order, so repeated fields list the outer header's value first. */
    private static void flatten(JsonNode node, String name, Map<String, List<String>> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                flatten(child.getValue(), child.getKey(), into);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                flatten(element, name, into);
            }
        } else if (name != null) {
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(node.asText());
        }
    }
}
