package io.zerowire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zerowire.pcap.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every key {@code --json} writes, over the sample and every shared capture, is documented in cli/README.md. */
class JsonKeysDocumentedTest {
    @Test
    void everyJsonKeyIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<Path> captures = new ArrayList<>(TestEnvironment.captures("tcpdump", "kernel"));
        captures.add(SampleCaptureTest.sampleFile());
        Set<String> keys = new TreeSet<>();
        for (Path capture : captures) {
            for (JsonNode frame : TsharkOracleTest.zerowire(capture)) {
                collect(frame, keys);
            }
        }
        assertThat(keys).hasSizeGreaterThan(120);
        assertThat(keys.stream().filter(k -> !readme.contains("`" + k + "`")))
                .as("keys missing from cli/README.md's JSON format").isEmpty();
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                keys.add(name);
                collect(node.get(name), keys);
            }
        } else if (node.isArray()) {
            node.forEach(e -> collect(e, keys));
        }
    }
}
